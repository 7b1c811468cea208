using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Partners.Contracts;

/// <summary>
/// Command (daily job, 08:00 Europe/Berlin): remind partners of referrals that had to be answered before
/// <paramref name="Date"/>. Idempotent per day: a second command for the same date reminds nobody again.
/// </summary>
public sealed record CheckOverdueReferrals(Guid MessageId, Instant OccurredAt, LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "partners.check-overdue-referrals.v1";
}

/// <summary>
/// A referral is past its answer date without an answer: the partner's contact is reminded (Notifications mails it).
/// Carries only what the original referral disclosed to this partner.
/// </summary>
public sealed record ReferralOverdue(
    Guid MessageId,
    Instant OccurredAt,
    Guid ReferralId,
    Guid PartnerId,
    string PartnerName,
    string Email,
    string? ContactName,
    string ServiceCategory,
    string Quartier,
    LocalDate RespondBy,
    LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "partners.referral-overdue.v1";
}

/// <summary>
/// Command (daily job, 00:05 Europe/Berlin): every partner whose pause's last day lies before <paramref name="Date"/>
/// is active again. Idempotent: a partner already active is left alone.
/// </summary>
public sealed record EndElapsedPauses(Guid MessageId, Instant OccurredAt, LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "partners.end-elapsed-pauses.v1";
}
