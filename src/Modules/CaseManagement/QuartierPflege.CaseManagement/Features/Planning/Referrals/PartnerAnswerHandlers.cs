using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// The partner's answers move the referral and its step on. Answers can come twice or late (a completion before the
/// acceptance): the referral only moves forward, and a repeated answer changes nothing.
/// </summary>
internal sealed class PartnerAnswers(CaseManagementDbContext db, IClock clock)
{
    public async Task ApplyAsync(Guid referralId, ReferralStatus to, StepStatus stepStatus, string? reason, Instant answeredAt, CancellationToken cancellationToken, string? contactPerson = null)
    {
        var step = await db.StepsWithDetails().SingleOrDefaultAsync(s => s.Referral!.Id == referralId, cancellationToken);
        if (step?.Referral is not { } referral)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        // A late acceptance still tells when the partner answered and who is in charge.
        referral.AnsweredAt ??= to is ReferralStatus.Accepted or ReferralStatus.Declined ? answeredAt : null;
        referral.ContactPerson ??= contactPerson;
        if (!ReferralLifecycle.CanMove(referral.Status, to))
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        step.Change("Vermittlung", referral.Status, to, PlanningNames.Of, Actor.Partner, now, s => referral.Status = s);
        if (to is ReferralStatus.CompletedSuccessfully or ReferralStatus.CompletedUnsuccessfully)
        {
            referral.CompletedAt = answeredAt;
        }

        if (reason is not null)
        {
            referral.Reason = reason;
            step.Note("Begründung des Partners", "–", reason, Actor.Partner, now);
        }

        if (step.Status != StepStatus.Cancelled)
        {
            step.ChangeStatus(stepStatus, Actor.Partner, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class ReferralAcceptedHandler(PartnerAnswers answers) : IMessageHandler<ReferralAccepted>
{
    public Task HandleAsync(ReferralAccepted message, CancellationToken cancellationToken)
        => answers.ApplyAsync(message.ReferralId, ReferralStatus.Accepted, StepStatus.InProgress, null, message.AcceptedAt, cancellationToken, message.ContactPerson);
}

internal sealed class ReferralDeclinedHandler(PartnerAnswers answers) : IMessageHandler<ReferralDeclined>
{
    // A declined referral waits for the case manager to choose another partner.
    public Task HandleAsync(ReferralDeclined message, CancellationToken cancellationToken)
        => answers.ApplyAsync(message.ReferralId, ReferralStatus.Declined, StepStatus.Waiting, message.Reason, message.OccurredAt, cancellationToken);
}

internal sealed class ReferralCompletedHandler(PartnerAnswers answers) : IMessageHandler<ReferralCompleted>
{
    public Task HandleAsync(ReferralCompleted message, CancellationToken cancellationToken)
        => answers.ApplyAsync(
            message.ReferralId,
            message.Successful ? ReferralStatus.CompletedSuccessfully : ReferralStatus.CompletedUnsuccessfully,
            StepStatus.Done,
            message.Reason,
            message.OccurredAt,
            cancellationToken);
}
