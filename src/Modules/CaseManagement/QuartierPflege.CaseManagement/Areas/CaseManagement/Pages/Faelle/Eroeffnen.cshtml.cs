using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Cases.Deputy;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Features.Residents.Opening;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class FallEroeffnenModel(
    GetResident getResident,
    ConsentCheck consentCheck,
    ListDeputyCandidates deputyCandidates,
    OpenCase openCase,
    ListConcerns listConcerns,
    ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "bewohner")]
    public Guid? Bewohner { get; set; }

    [BindProperty(SupportsGet = true, Name = "hinweis")]
    public Guid? Hinweis { get; set; }

    [BindProperty]
    public Guid? DeputyId { get; set; }

    /// <summary>Why a second case is opened while one is open (asked only then).</summary>
    [BindProperty]
    public string? SecondCaseReason { get; set; }

    /// <summary>The resident's open cases: a further one needs a reason.</summary>
    public IReadOnlyList<ResidentCase> OpenCases { get; private set; } = [];

    public bool AsksForSecondCaseReason => OpenCases.Count > 0 || ModelState.ContainsKey(nameof(SecondCaseReason));

    public ResidentDetail? Resident { get; private set; }

    public string? MissingConsent { get; private set; }

    /// <summary>The concern the case is opened from: shown, and attached to the case when it is opened.</summary>
    public ConcernItem? Concern { get; private set; }

    /// <summary>This page's address with the resident and the concern: where the consent step returns to.</summary>
    public string ReturnUrl => Hinweis is { } concern ? $"/CaseManagement/Faelle/Neu?bewohner={Bewohner}&hinweis={concern}" : $"/CaseManagement/Faelle/Neu?bewohner={Bewohner}";

    public IReadOnlyList<DeputyCandidate> Candidates { get; private set; } = [];

    public string CaseManagerName => user.DisplayName;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await ShowAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await openCase.HandleAsync(new OpenCaseRequest(Bewohner, Hinweis, DeputyId, SecondCaseReason), cancellationToken);
        if (!outcome.IsDone)
        {
            new FormFeedback().CopyTo(outcome, ModelState, field => field switch
            {
                "deputyId" => nameof(DeputyId),
                OpenCase.SecondCaseField => nameof(SecondCaseReason),
                _ => string.Empty,
            });

            return await ShowAsync(cancellationToken) ?? Page();
        }

        return Redirect($"/CaseManagement/Faelle/{outcome.Value!.Id}");
    }

    /// <summary>Loads what the page shows; a refusal ("Kein Zugriff", not found) when the resident cannot be shown.</summary>
    private async Task<IActionResult?> ShowAsync(CancellationToken cancellationToken)
    {
        Candidates = [.. (await deputyCandidates.HandleAsync(cancellationToken)).Where(c => c.Id != user.Id)];
        if (Hinweis is { } concernId)
        {
            Concern = await listConcerns.FindAsync(concernId, cancellationToken);
        }

        if (Bewohner is not { } residentId)
        {
            return null;
        }

        var outcome = await getResident.HandleAsync(residentId, "zur Fall-Eröffnung angesehen", cancellationToken);
        Resident = outcome.Value;
        if (Resident is null)
        {
            return NotShown.For(this, outcome.Kind);
        }

        OpenCases = [.. Resident.Cases.Where(c => c.Status != CaseStatus.Closed)];
        MissingConsent = await consentCheck.MissingConsentAsync(residentId, ConsentPurpose.StoreData, cancellationToken: cancellationToken);
        return null;
    }
}
