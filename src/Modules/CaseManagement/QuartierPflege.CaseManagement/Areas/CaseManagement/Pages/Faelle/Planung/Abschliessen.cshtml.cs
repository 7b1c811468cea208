using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.Closing;
using QuartierPflege.CaseManagement.Features.Planning.Plan;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class AbschliessenModel(GetPlan getPlan, CloseCase closeCase) : PageModel
{
    public const string CloseForm = "abschliessen";

    public PlanView Plan { get; private set; } = null!;

    public FormFeedback Form { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    /// <summary>Form field of a problem's outcome; the index matches the API's "outcomes[i]".</summary>
    public static string Field(int index, string name) => $"outcomes[{index}].{name}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new FormFeedback(CloseForm, Request.Form);
        var outcomes = Plan.Problems.Select((p, i) => new ProblemOutcomeInput(
                p.Id,
                Form.Choice<ProblemOutcome>(Field(i, "outcome"), "Dieses Ergebnis ist nicht bekannt.") ?? p.Outcome,
                Form.Text(Field(i, "note")) ?? p.OutcomeNote))
            .ToList();
        if (!Form.HasErrors)
        {
            var outcome = await closeCase.HandleAsync(id, new CloseCaseRequest(outcomes), cancellationToken);
            if (outcome.IsDone)
            {
                Message = $"Der Fall ist am {PlanningNames.Date(outcome.Value)} abgeschlossen.";
                return Redirect($"/CaseManagement/Faelle/{id}/Plan");
            }

            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            Form.Add(outcome);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await getPlan.HandleAsync(id, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        return true;
    }
}
