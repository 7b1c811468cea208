using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Marten;
using Marten.Linq.MatchesSql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Hinweise;

/// <summary>Triage of one concern: a new case (find or create the resident first), an existing case, or dismissed.</summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class HinweisTriageModel(ListConcerns listConcerns, TriageConcern triage, SearchResidents search, CaseAccess access) : PageModel
{
    public ConcernItem Concern { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? CaseId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<ResidentListItem> Residents { get; private set; } = [];

    public IReadOnlyList<CaseOption> Cases { get; private set; } = [];

    public string TriagedText => Concern.Status switch
    {
        ConcernStatus.TurnedIntoCase => $"Aus diesem Hinweis wurde am {When} von {Concern.TriagedByName} ein Fall eröffnet.",
        ConcernStatus.AttachedToCase => $"Dieser Hinweis wurde am {When} von {Concern.TriagedByName} einem Fall zugeordnet.",
        ConcernStatus.Dismissed => $"Dieser Hinweis wurde am {When} von {Concern.TriagedByName} verworfen: {Concern.DismissalReason}",
        _ => string.Empty,
    };

    [TempData]
    public string? Message { get; set; }

    private string When => Concern.TriagedAt is { } at ? $"{GermanDates.Show(at)} Uhr" : string.Empty;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostZuordnenAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await triage.AttachAsync(id, new AttachConcernRequest(CaseId), cancellationToken);
        return await AfterAsync(id, outcome, "Der Hinweis ist dem Fall zugeordnet.", cancellationToken);
    }

    public async Task<IActionResult> OnPostVerwerfenAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await triage.DismissAsync(id, new DismissConcernRequest(Reason), cancellationToken);
        return await AfterAsync(id, outcome, "Der Hinweis ist verworfen.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<Guid> outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsDone)
        {
            new FormFeedback().CopyTo(outcome, ModelState, field => field == "caseId" ? nameof(CaseId) : nameof(Reason));

            return await ShowAsync(id, cancellationToken);
        }

        Message = done;
        return Redirect("/CaseManagement/Hinweise");
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await listConcerns.FindAsync(id, cancellationToken) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (Q is not null && await search.HandleAsync(Q, null, 1, cancellationToken) is { IsDone: true } found)
        {
            Residents = found.Value!.Items;
        }

        var cases = access.VisibleCases().Where(c => c.Status != CaseStatus.Closed);
        if (Q is not null)
        {
            // A part of the resident's name (as on the dashboard's search) or of the case number.
            var pattern = $"%{ResidentSearch.EscapeLike(Q.ToLowerInvariant())}%";
            var number = $"%{ResidentSearch.EscapeLike(Q)}%";
            cases = cases.Where(c => c.MatchesSql("(d.resident_search_name LIKE ? OR d.number LIKE ?)", pattern, number));
        }

        Cases = [.. (await cases.OrderBy(c => c.Number).Take(100).ToListAsync(cancellationToken))
            .Select(c => new CaseOption(c.Id, c.Number, c.ResidentName))];
        return Page();
    }

    internal sealed record CaseOption(Guid Id, string Number, string ResidentName);
}
