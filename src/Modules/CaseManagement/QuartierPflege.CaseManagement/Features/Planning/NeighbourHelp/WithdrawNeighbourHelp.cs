using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

internal sealed record WithdrawNeighbourHelpRequest(string? Reason, int? Version);

internal sealed class WithdrawNeighbourHelpRequestValidator : AbstractValidator<WithdrawNeighbourHelpRequest>
{
    public const int ReasonLimit = 1000;

    public WithdrawNeighbourHelpRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Bitte geben Sie den Grund für das Zurückziehen an.")
            .MaximumLength(ReasonLimit).WithMessage($"Der Grund darf höchstens {ReasonLimit} Zeichen lang sein.");
        RuleFor(r => r.Version).NotNull().WithMessage(PlanningCases.VersionMissingMessage);
    }
}

/// <summary>
/// Withdraws neighbour help that is still open (searching, proposed, chosen or running): the step is cancelled and the
/// Volunteers module is told, which drops the request and ends a running assignment.
/// </summary>
internal sealed class WithdrawNeighbourHelp(
    PlanningCases cases,
    IMartenOutbox outbox,
    AuditTrail audit,
    IClock clock,
    IValidator<WithdrawNeighbourHelpRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid stepId, WithdrawNeighbourHelpRequest request, CancellationToken cancellationToken)
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
        if (step?.NeighbourHelp is not { } help)
        {
            return Outcome<Guid>.NotFound("Die Nachbarschaftshilfe wurde nicht gefunden.");
        }

        if (!step.IsOpen || help.Status == NeighbourHelpStatus.Withdrawn)
        {
            return Outcome<Guid>.Invalid(string.Empty, "Diese Nachbarschaftshilfe ist bereits beendet und kann nicht mehr zurückgezogen werden.");
        }

        var me = cases.Me;
        var now = clock.GetCurrentInstant();
        var reason = request.Reason!.Trim();
        step.Change("Nachbarschaftshilfe", help.Status, NeighbourHelpStatus.Withdrawn, PlanningNames.Of, me, now, s => help.Status = s);
        help.WithdrawalReason = reason;
        step.ChangeStatus(StepStatus.Cancelled, me, now);
        step.Flag = null;
        cases.StoreSeen(step, request.Version!.Value);
        await outbox.PublishAsync(new NeighbourHelpWithdrawn(Guid.NewGuid(), now, help.Id, reason));
        audit.Record(AuditAction.Update, "NeighbourHelp", help.Id, "Nachbarschaftshilfe zurückgezogen", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(step.Id, cancellationToken);
    }
}
