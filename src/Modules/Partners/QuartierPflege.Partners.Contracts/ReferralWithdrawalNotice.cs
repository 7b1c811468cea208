using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Partners.Contracts;

/// <summary>
/// Case Management withdrew an open referral (e.g. the resident withdrew the consent to share) or closed its case: the
/// partner's contact is told (Notifications mails it). Carries what the referral named to the partner (category,
/// Quartier, the day it was asked) and the cause in fixed words ("Einwilligung widerrufen"); never the case manager's
/// own reason text, nothing about the resident.
/// </summary>
public sealed record ReferralWithdrawalNotice(
    Guid MessageId,
    Instant OccurredAt,
    Guid ReferralId,
    Guid PartnerId,
    string PartnerName,
    string Email,
    string? ContactName,
    string ServiceCategory,
    string Quartier,
    LocalDate RequestedOn,
    string Reason) : IIntegrationMessage
{
    public static string MessageName => "partners.referral-withdrawal-notice.v1";
}
