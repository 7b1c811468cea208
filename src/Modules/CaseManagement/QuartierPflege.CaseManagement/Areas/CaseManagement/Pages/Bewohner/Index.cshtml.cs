using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class BewohnerIndexModel(SearchResidents search, IQuartierList quartiere) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "quartier")]
    public string? Quartier { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int? Seite { get; set; }

    public ResidentPage? Result { get; private set; }

    public IReadOnlyList<string> Quartiere { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Quartiere = [.. (await quartiere.AllAsync(cancellationToken)).Select(q => q.Name)];
        if (!ModelState.IsValid)
        {
            return;
        }

        var outcome = await search.HandleAsync(Q, Quartier, Seite, cancellationToken);
        if (outcome.IsDone)
        {
            Result = outcome.Value;
        }
        else
        {
            new FormFeedback().CopyTo(outcome, ModelState, "Suche");
        }
    }

    public string PageUrl(int page)
        => "/CaseManagement/Bewohner" + QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("q", Q), new("quartier", Quartier), new("seite", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        });
}
