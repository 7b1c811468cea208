using QuartierPflege.BuildingBlocks.Time;
using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>Title, owner, due date, milestone and status of a step; <paramref name="Version"/> is the version that was read.</summary>
internal sealed record ChangeStepRequest(string? Title, string? Owner, LocalDate? DueOn, bool IsMilestone, StepStatus? Status, int? Version);

internal sealed class ChangeStepRequestValidator : AbstractValidator<ChangeStepRequest>
{
    public ChangeStepRequestValidator()
    {
        RuleFor(r => r.Title).StepTitle();
        RuleFor(r => r.Owner).StepOwner();
        RuleFor(r => r.Status).NotNull().WithMessage("Bitte wählen Sie den Status.")
            .IsInEnum().WithMessage("Dieser Status ist nicht bekannt.");
        RuleFor(r => r.Version).NotNull().WithMessage(PlanningCases.VersionMissingMessage);
    }
}

/// <summary>Changes a step; every changed value is written to the step's history (who, when, from → to).</summary>
internal sealed class ChangeStep(PlanningCases cases, AuditTrail audit, IClock clock, IValidator<ChangeStepRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid stepId, ChangeStepRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        var (@case, refusal) = await cases.EditableAsync<Guid>(caseId, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var step = await cases.FindStepAsync(caseId, stepId, cancellationToken);
        if (step is null)
        {
            return Outcome<Guid>.NotFound(PlanningCases.StepNotFoundMessage);
        }

        // Cancelling neighbour help must reach the Volunteers module (the helper's assignment ends): the withdraw action does.
        if (request.Status == StepStatus.Cancelled && step.IsOpen && step.NeighbourHelp is not null)
        {
            return Outcome<Guid>.Invalid("status", "Nachbarschaftshilfe brechen Sie mit „Nachbarschaftshilfe zurückziehen“ ab (mit Grund); dann endet auch der Einsatz der Helfer:in.");
        }

        if (request.DueOn < @case.OpenedOn)
        {
            return Outcome<Guid>.Invalid("dueOn", StepRules.DueBeforeOpening(@case.OpenedOn));
        }

        var me = cases.Me;
        var now = clock.GetCurrentInstant();
        var changed = step.Change("Titel", step.Title, request.Title!.Trim(), t => t, me, now, v => step.Title = v);
        changed |= step.Change("Zuständig", step.Owner, request.Owner!.Trim(), t => t, me, now, v => step.Owner = v);
        changed |= step.Change("Fällig am", step.DueOn, request.DueOn, GermanDates.Show, me, now, v => step.DueOn = v);
        changed |= step.Change("Meilenstein", step.IsMilestone, request.IsMilestone, PlanningNames.YesNo, me, now, v => step.IsMilestone = v);
        changed |= step.ChangeStatus(request.Status!.Value, me, now);
        cases.StoreSeen(step, request.Version!.Value);
        if (changed)
        {
            audit.Record(AuditAction.Update, "PlanStep", step.Id, $"Maßnahme geändert: {step.Title}", @case.ResidentId, @case.Id);
        }

        return await cases.SaveAsync(step.Id, cancellationToken);
    }
}
