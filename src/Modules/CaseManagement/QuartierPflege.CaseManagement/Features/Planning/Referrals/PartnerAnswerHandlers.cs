using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// The partner's answers move the referral and its step on. Answers can come twice or late (a completion before the
/// acceptance): the referral only moves forward, and a repeated answer changes nothing.
/// </summary>
internal static class PartnerAnswers
{
    public static async Task ApplyAsync(
        IDocumentSession session,
        IClock clock,
        Guid referralId,
        ReferralStatus to,
        StepStatus stepStatus,
        string? reason,
        Instant answeredAt,
        CancellationToken cancellationToken,
        string? contactPerson = null)
    {
        var step = await session.Query<PlanStep>().SingleOrDefaultAsync(s => s.ReferralId == referralId, cancellationToken);
        if (step?.Referral is not { } referral)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        var before = (referral.AnsweredAt, referral.ContactPerson);
        // A late acceptance still tells when the partner answered and who is in charge.
        referral.AnsweredAt ??= to is ReferralStatus.Accepted or ReferralStatus.Declined ? answeredAt : null;
        referral.ContactPerson ??= contactPerson;
        if (!ReferralLifecycle.CanMove(referral.Status, to))
        {
            if (before != (referral.AnsweredAt, referral.ContactPerson))
            {
                session.UpdateRevision(step, step.Version + 1L);
            }

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

        // Wolverine's transaction commits it; a concurrent edit of the step fails it and the message is retried.
        session.UpdateRevision(step, step.Version + 1L);
    }

    /// <summary>When the partner answered: a message's own time, or (had its sender left it out) when it arrived.</summary>
    public static Instant At(Instant occurredAt, IClock clock) => occurredAt == default ? clock.GetCurrentInstant() : occurredAt;
}

public static class ReferralAcceptedHandler
{
    public static Task HandleAsync(ReferralAccepted message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
        => PartnerAnswers.ApplyAsync(session, clock, message.ReferralId, ReferralStatus.Accepted, StepStatus.InProgress, null, message.AcceptedAt,
            cancellationToken, message.ContactPerson);
}

public static class ReferralDeclinedHandler
{
    // A declined referral waits for the case manager to choose another partner.
    public static Task HandleAsync(ReferralDeclined message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
        => PartnerAnswers.ApplyAsync(session, clock, message.ReferralId, ReferralStatus.Declined, StepStatus.Waiting, message.Reason,
            PartnerAnswers.At(message.OccurredAt, clock), cancellationToken);
}

public static class ReferralCompletedHandler
{
    public static Task HandleAsync(ReferralCompleted message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
        => PartnerAnswers.ApplyAsync(
            session,
            clock,
            message.ReferralId,
            message.Successful ? ReferralStatus.CompletedSuccessfully : ReferralStatus.CompletedUnsuccessfully,
            StepStatus.Done,
            message.Reason,
            PartnerAnswers.At(message.OccurredAt, clock),
            cancellationToken);
}
