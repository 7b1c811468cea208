using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class BewohnerBearbeitenModel(GetResident getResident, UpdateResident updateResident, IQuartierList quartiere) : PageModel
{
    [BindProperty]
    public ResidentForm Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string DisplayName { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await getResident.HandleAsync(id, "zum Bearbeiten geöffnet", cancellationToken);
        if (outcome.Value is not { } resident)
        {
            return NotShown.For(this, outcome.Kind);
        }

        Id = id;
        DisplayName = resident.DisplayName;
        Input = ResidentForm.From(resident);
        await Input.OfferQuartiereAsync(quartiere, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var forms = new FormFeedback();
        var (request, rows) = Input.ToRequest(forms);
        var outcome = await updateResident.HandleAsync(id, request, cancellationToken);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Denied)
        {
            return NotShown.For(this, outcome.Kind);
        }

        if (!outcome.IsDone)
        {
            // The person's entries stay in the form (also after a conflict, so nothing typed is lost).
            forms.CopyTo(outcome, ModelState, nameof(Input), ResidentForm.RowNames(rows));
            DisplayName = $"{Input.FirstName} {Input.LastName}";
            await Input.OfferQuartiereAsync(quartiere, cancellationToken);
            return Page();
        }

        Message = "Die Änderungen sind gespeichert.";
        return Redirect($"/CaseManagement/Bewohner/{id}");
    }
}
