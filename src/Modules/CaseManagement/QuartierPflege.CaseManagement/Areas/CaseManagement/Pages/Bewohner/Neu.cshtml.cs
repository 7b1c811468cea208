using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class BewohnerNeuModel(CreateResident createResident, ListConcerns listConcerns, IQuartierList quartiere, PossibleDuplicates possibleDuplicates) : PageModel
{
    [BindProperty]
    public ResidentForm Input { get; set; } = new();

    /// <summary>When the resident is created while triaging a concern, the case is opened next.</summary>
    [BindProperty(SupportsGet = true, Name = "hinweis")]
    public Guid? Hinweis { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The concern this resident is created for: its text is shown, what it knows is filled in.</summary>
    public ConcernItem? Concern { get; private set; }

    /// <summary>Residents who may be this one, offered before a second file is started.</summary>
    public IReadOnlyList<ResidentListItem> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.AddEmptyRows();
        await Input.OfferQuartiereAsync(quartiere, cancellationToken);
        await LoadConcernAsync(cancellationToken);
        if (Concern is { } concern)
        {
            var known = ConcernPrefills.From(concern.ResidentName, concern.ResidentAddress);
            (Input.FirstName, Input.LastName, Input.Street, Input.HouseNumber, Input.PostalCode, Input.City) =
                (known.FirstName, known.LastName, known.Street, known.HouseNumber, known.PostalCode, known.City);
        }
    }

    private async Task LoadConcernAsync(CancellationToken cancellationToken)
    {
        if (Hinweis is { } concernId)
        {
            Concern = await listConcerns.FindAsync(concernId, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var forms = new FormFeedback();
        var (request, rows) = Input.ToRequest(forms);
        var outcome = await createResident.HandleAsync(request, cancellationToken);
        if (!outcome.IsDone)
        {
            forms.CopyTo(outcome, ModelState, nameof(Input), ResidentForm.RowNames(rows));
            if (outcome.Errors.ContainsKey("createDespiteDuplicates"))
            {
                Duplicates = await possibleDuplicates.FindAsync(request, cancellationToken);
            }
            await LoadConcernAsync(cancellationToken);
            await Input.OfferQuartiereAsync(quartiere, cancellationToken);
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
