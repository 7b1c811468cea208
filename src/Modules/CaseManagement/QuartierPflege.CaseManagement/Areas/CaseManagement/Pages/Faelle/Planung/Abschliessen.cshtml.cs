using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.Closing;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class AbschliessenModel(GetPlan getPlan, CloseCase closeCase, ReopenCase reopenCase) : PageModel
{
    public const string CloseForm = "abschliessen";

    public const string ReopenForm = "wiedereroeffnen";

    /// <summary>What the close ends (follow-ups, referrals, neighbour help, other open steps), listed before closing.</summary>
    public IReadOnlyList<string> Running { get; private set; } = [];

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
        var reason = Form.Choice<ClosingReason>("reason", "Bitte wählen Sie einen Grund aus der Liste.");
        var summary = Form.Text("summary");
        var outcomes = Plan.Problems.Select((p, i) => new ProblemOutcomeInput(
                p.Id,
                Form.Choice<ProblemOutcome>(Field(i, "outcome"), "Dieses Ergebnis ist nicht bekannt.") ?? p.Outcome,
                Form.Text(Field(i, "note")) ?? p.OutcomeNote))
            .ToList();
        if (!Form.HasErrors)
        {
            var outcome = await closeCase.HandleAsync(id, new CloseCaseRequest(outcomes, reason, summary), cancellationToken);
            if (outcome.IsDone)
            {
                Message = $"Der Fall ist am {GermanDates.Show(outcome.Value)} abgeschlossen.";
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

    public async Task<IActionResult> OnPostWiedereroeffnenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = new FormFeedback(ReopenForm, Request.Form);
        var outcome = await reopenCase.HandleAsync(id, new ReopenCaseRequest(Form.Text("reason")), cancellationToken);
        if (outcome.IsDone)
        {
            Message = "Der Fall ist wieder eröffnet. Die Begründung steht im Protokoll.";
            return Redirect($"/CaseManagement/Faelle/{id}");
        }

        Form.Add(outcome);
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
        Running = plan.Status == CaseStatus.Closed ? [] : await closeCase.RunningAsync(id, cancellationToken);
        return true;
    }
}
