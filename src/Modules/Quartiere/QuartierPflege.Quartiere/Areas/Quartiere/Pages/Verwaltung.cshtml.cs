using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Features;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages;

/// <summary>Coordination keeps the list of Quartiere: add one, set its neighbours, retire it or make it choosable again.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class VerwaltungModel(MaintainQuartiere maintain) : PageModel
{
    public IReadOnlyList<QuartierEntry> Quartiere { get; private set; } = [];

    [BindProperty]
    public NewQuartierForm NewInput { get; set; } = new();

    /// <summary>The Quartier whose form was sent and refused: its messages and typed values show there.</summary>
    public string? FailedQuartier { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Quartiere = await maintain.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAnlegenAsync(CancellationToken cancellationToken)
    {
        var outcome = await maintain.AddAsync(new AddQuartierRequest(NewInput.Name, NewInput.Neighbours), cancellationToken);
        if (outcome.IsDone)
        {
            Message = $"Das Quartier „{outcome.Value}“ ist angelegt.";
            return Redirect("/Verwaltung/Quartiere");
        }

        outcome.CopyTo(ModelState, nameof(NewInput));
        Quartiere = await maintain.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAendernAsync(string name, List<string>? neighbours, bool active, int? version, CancellationToken cancellationToken)
    {
        var outcome = await maintain.ChangeAsync(name, new ChangeQuartierRequest(neighbours ?? [], active, version), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            Message = $"Das Quartier „{name}“ ist gespeichert.";
            return Redirect("/Verwaltung/Quartiere");
        }

        outcome.CopyTo(ModelState, _ => string.Empty);
        FailedQuartier = name;
        Quartiere = await maintain.ListAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    internal sealed class NewQuartierForm
    {
        public string? Name { get; set; }

        public List<string> Neighbours { get; set; } = [];
    }
}
