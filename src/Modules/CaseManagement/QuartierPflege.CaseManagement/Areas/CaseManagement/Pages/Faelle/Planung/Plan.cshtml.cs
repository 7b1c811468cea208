using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle.Planung;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class PlanModel(
    GetPlan getPlan,
    SaveProblem saveProblem,
    AddStep addStep,
    ChangeStep changeStep,
    WithdrawReferral withdrawReferral,
    ChooseHelper chooseHelper,
    WithdrawNeighbourHelp withdrawNeighbourHelp,
    FindPartnerChoices partnerChoices) : PageModel
{
    public const string NewProblemForm = "problem-neu";

    public PlanView Plan { get; private set; } = null!;

    public IReadOnlyList<PartnerListing> Partners { get; private set; } = [];

    public FormFeedback Form { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public static string ProblemForm(Guid problemId) => $"problem-{problemId}";

    public static string NewStepForm(Guid problemId) => $"massnahme-neu-{problemId}";

    public static string StepForm(Guid stepId) => $"massnahme-{stepId}";

    public static string WithdrawForm(Guid stepId) => $"zurueckziehen-{stepId}";

    public static string HelperForm(Guid stepId) => $"helfer-{stepId}";

    public static string WithdrawHelpForm(Guid stepId) => $"hilfe-zurueckziehen-{stepId}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddProblemAsync(Guid id, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(NewProblemForm, Request.Form);
        var request = ReadProblem(null);
        return await FinishAsync(id, Form.HasErrors ? null : await saveProblem.AddAsync(id, request, cancellationToken), "Die Problemlage ist angelegt.", cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeProblemAsync(Guid id, Guid problemId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(ProblemForm(problemId), Request.Form);
        var request = ReadProblem(Form.Version("version"));
        return await FinishAsync(id, Form.HasErrors ? null : await saveProblem.ChangeAsync(id, problemId, request, cancellationToken), "Die Problemlage ist gespeichert.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddStepAsync(Guid id, Guid problemId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(NewStepForm(problemId), Request.Form);
        var kind = Form.Choice<StepKind>("kind", "Diese Art der Maßnahme ist nicht bekannt.");
        var request = new AddStepRequest(
            kind,
            Form.Text("title"),
            Form.Text("owner"),
            Form.Date("dueOn"),
            Form.Bool("isMilestone"),
            kind == StepKind.Referral
                ? new ReferralInput(Form.Id("referral.partnerId"), Form.Text("referral.serviceCategory"), Form.Text("referral.disclosedSummary"),
                    Form.Bool("referral.discloseContactDetails"), Form.Date("referral.respondBy"), Form.Bool("referral.emergency"), Form.Text("referral.emergencyReason"))
                : null,
            kind == StepKind.NeighbourHelp
                ? new NeighbourHelpInput(Form.Text("neighbourHelp.roleProfileKey"), Form.Text("neighbourHelp.description"), Form.Int("neighbourHelp.hoursPerMonth"),
                    Form.Text("neighbourHelp.preferredTimes"), Form.Date("neighbourHelp.startsOn"))
                : null);
        var message = kind switch
        {
            StepKind.Referral => "Die Vermittlung ist angelegt und an den Netzwerkpartner gesendet.",
            StepKind.NeighbourHelp => "Die Nachbarschaftshilfe ist angefragt. Vorschläge werden gesucht …",
            _ => "Die Maßnahme ist angelegt.",
        };
        return await FinishAsync(id, Form.HasErrors ? null : await addStep.HandleAsync(id, problemId, request, cancellationToken), message, cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeStepAsync(Guid id, Guid stepId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(StepForm(stepId), Request.Form);
        var request = new ChangeStepRequest(
            Form.Text("title"),
            Form.Text("owner"),
            Form.Date("dueOn"),
            Form.Bool("isMilestone"),
            Form.Choice<StepStatus>("status", "Dieser Status ist nicht bekannt."),
            Form.Version("version"));
        return await FinishAsync(id, Form.HasErrors ? null : await changeStep.HandleAsync(id, stepId, request, cancellationToken), "Die Maßnahme ist gespeichert.", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid stepId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(WithdrawForm(stepId), Request.Form);
        var request = new WithdrawReferralRequest(Form.Text("reason"), Form.Version("version"));
        return await FinishAsync(id, await withdrawReferral.HandleAsync(id, stepId, request, cancellationToken), "Die Vermittlung ist zurückgezogen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostChooseHelperAsync(Guid id, Guid stepId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(HelperForm(stepId), Request.Form);
        var request = new ChooseHelperRequest(
            Form.Id("volunteerId"),
            Form.Bool("notRelatedUpToSecondDegree"),
            Form.Bool("notSameHousehold"),
            Form.Bool("notRegisteredCarer"),
            Form.Version("version"));
        return await FinishAsync(id, Form.HasErrors ? null : await chooseHelper.HandleAsync(id, stepId, request, cancellationToken),
            "Die Helfer:in ist gewählt; der Einsatz wird eingerichtet.", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawNeighbourHelpAsync(Guid id, Guid stepId, CancellationToken cancellationToken)
    {
        Form = new FormFeedback(WithdrawHelpForm(stepId), Request.Form);
        var request = new WithdrawNeighbourHelpRequest(Form.Text("reason"), Form.Version("version"));
        return await FinishAsync(id, await withdrawNeighbourHelp.HandleAsync(id, stepId, request, cancellationToken),
            "Die Nachbarschaftshilfe ist zurückgezogen; ein laufender Einsatz endet.", cancellationToken);
    }

    private ProblemRequest ReadProblem(int? version) => new(
        Form.Choice<ProblemKind>("kind", "Diese Problemlage ist nicht bekannt."),
        Form.Text("otherText"),
        Form.Text("description"),
        Form.Text("alternatives")?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        Form.Text("chosenAlternative"),
        Form.Text("choiceReason"),
        version);

    /// <summary>Done → back to the plan with a message; otherwise the plan again with the form's messages (nothing stored).</summary>
    private async Task<IActionResult> FinishAsync(Guid id, Outcome<Guid>? outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome?.Kind == OutcomeKind.NotFound && !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (outcome?.IsDone == true)
        {
            Message = done;
            return Redirect($"/CaseManagement/Faelle/{id}/Plan");
        }

        if (outcome is not null)
        {
            Form.Add(outcome);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var plan = await getPlan.HandleAsync(id, cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Partners = await partnerChoices.HandleAsync(id, null, cancellationToken) ?? [];
        return true;
    }
}
