using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Forum;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Gruppen;

/// <summary>The residents' groups per Quartier (all, or one chosen); case managers read, coordination adds and edits.</summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class IndexModel(GroupWork groups, IQuartierList quartiere, ICurrentUser user) : PageModel
{
    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    /// <summary>The chosen Quartier (one of the list), or null for all.</summary>
    public string? Quartier { get; private set; }

    public IReadOnlyList<IGrouping<string, ResidentGroup>> ByQuartier { get; private set; } = [];

    public int Count { get; private set; }

    public bool IsCoordination => user.IsInRole(Roles.Koordination);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? quartier, CancellationToken cancellationToken)
    {
        Quartiere = await quartiere.AllAsync(cancellationToken);
        Quartier = Quartiere.Any(q => q.Name == quartier) ? quartier : null;
        var list = await groups.ListAsync(Quartier, cancellationToken);
        Count = list.Count;
        ByQuartier = [.. list.GroupBy(g => g.Quartier)];
    }
}
