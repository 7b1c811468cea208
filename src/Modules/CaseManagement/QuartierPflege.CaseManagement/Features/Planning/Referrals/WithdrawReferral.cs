using FluentValidation;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

internal sealed record WithdrawReferralRequest(string? Reason, int? Version);

internal sealed class WithdrawReferralRequestValidator : AbstractValidator<WithdrawReferralRequest>
{
    public WithdrawReferralRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Bitte geben Sie den Grund für das Zurückziehen an.")
            .MaximumLength(1000).WithMessage("Der Grund darf höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.Version).NotNull().WithMessage(PlanningCases.VersionMissingMessage);
    }
}

/// <summary>Withdraws an open referral: the step is cancelled and the partner is told to stop.</summary>
internal sealed class WithdrawReferral(
    PlanningCases cases,
    IMartenOutbox outbox,
    AuditTrail audit,
    IClock clock,
    IValidator<WithdrawReferralRequest> validator)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid caseId, Guid stepId, WithdrawReferralRequest request, CancellationToken cancellationToken)
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
        if (step?.Referral is not { } referral)
        {
            return Outcome<Guid>.NotFound("Die Vermittlung wurde nicht gefunden.");
        }

        if (!referral.IsOpen)
        {
            return Outcome<Guid>.Invalid(string.Empty, $"Die Vermittlung ist bereits {PlanningNames.Of(referral.Status)} und kann nicht mehr zurückgezogen werden.");
        }

        var me = cases.Me;
        var now = clock.GetCurrentInstant();
        var reason = request.Reason!.Trim();
        step.Change("Vermittlung", referral.Status, ReferralStatus.Withdrawn, PlanningNames.Of, me, now, s => referral.Status = s);
        referral.Reason = reason;
        step.ChangeStatus(StepStatus.Cancelled, me, now);
        step.Flag = null;
        cases.StoreSeen(step, request.Version!.Value);
        await outbox.PublishAsync(new ReferralWithdrawn(Guid.NewGuid(), now, referral.Id, reason));
        audit.Record(AuditAction.Update, "Referral", referral.Id, $"Vermittlung an {referral.PartnerName} zurückgezogen", @case.ResidentId, @case.Id);
        return await cases.SaveAsync(step.Id, cancellationToken);
    }
}
