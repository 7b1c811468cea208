using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Network;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class AbdeckungModel(CoverageQuery coverage, IQuartierList quartiere) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kategorie { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quartier { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NurSchwache { get; set; }

    public IReadOnlyList<string> AllQuartiere { get; private set; } = [];

    public CoverageMatrix Matrix { get; private set; } = new([], [], new Dictionary<(string, string), int>());

    public string Query => $"category={Uri.EscapeDataString(Kategorie ?? "")}&quartier={Uri.EscapeDataString(Quartier ?? "")}&onlyWeak={(NurSchwache ? "true" : "false")}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        AllQuartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
        var category = Kategorie is { Length: > 0 } k && ServiceCategories.IsKnown(k) ? k : null;
        var quartier = Quartier is { Length: > 0 } q && AllQuartiere.Contains(q) ? q : null;
        Matrix = await coverage.HandleAsync(new CoverageFilter(category, quartier, NurSchwache), cancellationToken);
    }
}
