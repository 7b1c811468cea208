using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Befragungen;

/// <summary>The surveys: open ones to record answers in at the door; for coordination all of them, with results.</summary>
[Authorize(Policy = Policies.CommunityWork)]
internal sealed class IndexModel(SurveyQueries queries, IQuartierList quartiere, ICurrentUser user) : PageModel
{
    public IReadOnlyList<SurveySummary> Surveys { get; private set; } = [];

    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    public string? Quartier { get; private set; }

    public bool IsCoordination => user.IsInRole(Roles.Koordination);

    public bool MayRecord => RecordAnswer.MayRecord(user);

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? quartier, CancellationToken cancellationToken)
    {
        Quartiere = await quartiere.AllAsync(cancellationToken);
        Quartier = Quartiere.Any(q => q.Name == quartier) ? quartier : null;
        Surveys = await queries.ListAsync(openOnly: !IsCoordination, Quartier, cancellationToken);
    }
}
