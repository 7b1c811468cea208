using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class IndexModel(IPartnerDirectory directory, IQuartierList quartiere) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Suche { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kategorie { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quartier { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sprache { get; set; }

    [BindProperty(SupportsGet = true)]
    public PartnerCapacity? Aufnahme { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Alle { get; set; }

    public IReadOnlyList<string> Quartiere { get; private set; } = [];

    public IReadOnlyList<PartnerListing> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Quartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
        // Unknown choices (an edited address line) are ignored rather than failing the search.
        var category = Kategorie is { Length: > 0 } key && ServiceCategories.IsKnown(key) ? key : null;
        var quartier = Quartier is { Length: > 0 } q && Quartiere.Contains(q) ? q : null;
        var language = Sprache is { Length: > 0 } l && PartnerLanguages.Names.ContainsKey(l) ? l : null;
        var text = string.IsNullOrWhiteSpace(Suche) ? null : Suche;
        Partners = await directory.SearchAsync(new PartnerSearch(text, category, quartier, language, Aufnahme, Alle), cancellationToken);
    }
}
