using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Residents;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class BewohnerNeuModel(CreateResident createResident) : PageModel
{
    [BindProperty]
    public ResidentForm Input { get; set; } = new();

    /// <summary>When the resident is created while triaging a concern, the case is opened next.</summary>
    [BindProperty(SupportsGet = true, Name = "hinweis")]
    public Guid? Hinweis { get; set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => Input.AddEmptyRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var forms = new PageForms();
        var (request, rows) = Input.ToRequest(forms);
        var outcome = await createResident.HandleAsync(request, cancellationToken);
        if (!outcome.IsDone)
        {
            forms.CopyTo(outcome, ModelState, nameof(Input), ResidentForm.RowNames(rows));
            return Page();
        }

        if (Hinweis is { } concern)
        {
            return Redirect($"/CaseManagement/Faelle/Neu?bewohner={outcome.Value}&hinweis={concern}");
        }

        Message = $"{request.FirstName!.Trim()} {request.LastName!.Trim()} ist angelegt.";
        return Redirect($"/CaseManagement/Bewohner/{outcome.Value}");
    }
}
