using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Cases.Deputy;
using QuartierPflege.CaseManagement.Features.Cases.Handover;
using QuartierPflege.CaseManagement.Features.Cases.Overview;
using QuartierPflege.CaseManagement.Features.Cases.Status;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class UeberblickModel(
    GetCaseOverview getOverview,
    ChangeCaseStatus changeStatus,
    ChangeDeputy changeDeputy,
    HandOverCase handOver,
    ListDeputyCandidates candidates,
    LegalHolds legalHolds) : PageModel
{
    public CaseOverview? Case { get; private set; }

    public IReadOnlyList<DeputyCandidate> DeputyCandidates { get; private set; } = [];

    [BindProperty]
    public StatusForm StatusInput { get; set; } = new();

    [BindProperty]
    public DeputyForm DeputyInput { get; set; } = new();

    [BindProperty]
    public HandoverForm HandoverInput { get; set; } = new();

    [BindProperty]
    public LegalHoldForm LegalHoldInput { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Only coordination sets or lifts a Sperrvermerk (as in the API).</summary>
    public bool MayHold => User.IsInRole(Roles.Koordination);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        CaseStatus? status = Enum.TryParse<CaseStatus>(StatusInput.Status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var outcome = await changeStatus.HandleAsync(id, new ChangeCaseStatusRequest(status, StatusInput.Version), cancellationToken);
        return await AfterAsync(id, outcome, nameof(StatusInput), "Der Status ist geändert.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeputyAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await changeDeputy.HandleAsync(id, new ChangeDeputyRequest(DeputyInput.DeputyId, DeputyInput.Version), cancellationToken);
        return await AfterAsync(id, outcome, nameof(DeputyInput), "Die Vertretung ist gespeichert.", cancellationToken);
    }

    public async Task<IActionResult> OnPostHandoverAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await handOver.HandleAsync(id, new HandOverCaseRequest(HandoverInput.NewCaseManagerId, HandoverInput.Note, HandoverInput.Version, HandoverInput.StayAsDeputy), cancellationToken);
        return await AfterAsync(id, outcome, nameof(HandoverInput), "Die Fallverantwortung ist übertragen. Die Übergabe steht im Protokoll.", cancellationToken);
    }

    public async Task<IActionResult> OnPostLegalHoldAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!MayHold)
        {
            return Forbid();
        }

        var request = new LegalHoldRequest(LegalHoldInput.Reason);
        var outcome = LegalHoldInput.Lift
            ? await legalHolds.LiftAsync(id, request, cancellationToken)
            : await legalHolds.SetAsync(id, request, cancellationToken);
        return await AfterAsync(id, outcome, nameof(LegalHoldInput),
            LegalHoldInput.Lift ? "Der Sperrvermerk ist aufgehoben." : "Der Sperrvermerk ist gesetzt: der Fall wird nicht anonymisiert, bis er aufgehoben ist.", cancellationToken);
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    private async Task<IActionResult> AfterAsync<T>(Guid id, Outcome<T> outcome, string form, string done, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            Message = done;
            return Redirect($"/CaseManagement/Faelle/{id}");
        }

        new FormFeedback().CopyTo(outcome, ModelState, form);
        return await ShowAsync(id, cancellationToken, keepInput: true) ? Page() : NotFound();
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken cancellationToken, bool keepInput = false)
    {
        var outcome = await getOverview.HandleAsync(id, cancellationToken);
        if (!outcome.IsDone)
        {
            return false;
        }

        Case = outcome.Value!;
        if (!Case.ViewerIsOnlyDeputy)
        {
            DeputyCandidates = [.. (await candidates.HandleAsync(cancellationToken)).Where(c => c.Id != Case.CaseManager.Id)];
        }

        if (!keepInput)
        {
            StatusInput = new StatusForm { Status = Case.Status.ToString(), Version = Case.Version };
            DeputyInput = new DeputyForm { DeputyId = Case.Deputy?.Id, Version = Case.Version };
            HandoverInput = new HandoverForm { Version = Case.Version };
        }
        else
        {
            // A failed save shows the current state; the version stays the one the person had (so a conflict stays visible).
            StatusInput.Version ??= Case.Version;
            DeputyInput.Version ??= Case.Version;
            HandoverInput.Version ??= Case.Version;
        }

        return true;
    }

    internal sealed class StatusForm
    {
        public string? Status { get; set; }

        public int? Version { get; set; }
    }

    internal sealed class HandoverForm
    {
        public Guid? NewCaseManagerId { get; set; }

        public string? Note { get; set; }

        public bool StayAsDeputy { get; set; } = true;

        public int? Version { get; set; }
    }

    internal sealed class LegalHoldForm
    {
        public string? Reason { get; set; }

        /// <summary>Lifts the hold instead of setting it (the form shows the one that applies).</summary>
        public bool Lift { get; set; }
    }

    internal sealed class DeputyForm
    {
        public Guid? DeputyId { get; set; }

        public int? Version { get; set; }
    }
}
