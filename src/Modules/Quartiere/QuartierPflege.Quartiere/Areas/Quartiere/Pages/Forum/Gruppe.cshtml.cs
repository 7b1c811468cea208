using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Forum;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Forum;

/// <summary>Coordination adds a residents' group.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class GruppeModel(GroupWork groups, IQuartierList quartiere) : PageModel
{
    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Quartiere = await quartiere.ActiveAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var forms = new FormFeedback("group", Request.Form);
        var outcome = await groups.CreateAsync(new SaveGroupRequest(forms.Text("name"), forms.Text("quartier"), forms.Text("contactPerson"), forms.Text("rhythm")), cancellationToken);
        if (outcome.IsDone)
        {
            TempData["Message"] = "Die Gruppe ist angelegt.";
            return Redirect("/Quartiere/Forum");
        }

        forms.CopyTo(outcome, ModelState, field => field);
        Quartiere = await quartiere.ActiveAsync(cancellationToken);
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;
}
