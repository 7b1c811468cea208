using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class IndexModel(PartnerDirectory directory, IQuartierList quartiere) : PageModel
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

    [BindProperty(SupportsGet = true)]
    public int? Seite { get; set; }

    public const int PageSize = 25;

    public PartnerSearchPage Result { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<PartnerListing> Partners => Result.Items;

    public string? TextError { get; private set; }

    public string PageUrl(int page)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("suche", Suche);
        Add("kategorie", Kategorie);
        Add("quartier", Quartier);
        Add("sprache", Sprache);
        Add("aufnahme", Aufnahme?.ToString());
        Add("alle", Alle ? "true" : null);
        Add("seite", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/Partners?" + string.Join('&', query);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Quartiere = [.. (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name)];
        // Unknown choices (an edited address line) are ignored rather than failing the search.
        var category = Kategorie is { Length: > 0 } key && ServiceCategories.IsKnown(key) ? key : null;
        var quartier = Quartier is { Length: > 0 } q && Quartiere.Contains(q) ? q : null;
        var language = Sprache is { Length: > 0 } l && PartnerLanguages.Names.ContainsKey(l) ? l : null;
        var text = string.IsNullOrWhiteSpace(Suche) ? null : Suche;
        if (PartnerDirectory.TextProblem(text) is { } problem)
        {
            TextError = problem;
            ModelState.AddModelError("suche", problem);
            return;
        }

        var page = Math.Clamp(Seite ?? 1, 1, PartnerDirectory.CountLimit / PageSize);
        Result = await directory.PageAsync(new PartnerSearch(text, category, quartier, language, Aufnahme, Alle), page, PageSize, cancellationToken);
    }
}
