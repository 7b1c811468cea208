using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Partners.Contracts;

public sealed record ReferralAccepted(Guid MessageId, Instant OccurredAt, Guid ReferralId, Guid PartnerId, Instant AcceptedAt, string? ContactPerson)
    : IIntegrationMessage
{
    public static string MessageName => "partners.referral-accepted.v1";
}

public sealed record ReferralDeclined(Guid MessageId, Instant OccurredAt, Guid ReferralId, Guid PartnerId, string Reason) : IIntegrationMessage
{
    public static string MessageName => "partners.referral-declined.v1";
}

/// <summary>The partner finished the referral, successfully or not (with the reason).</summary>
public sealed record ReferralCompleted(Guid MessageId, Instant OccurredAt, Guid ReferralId, Guid PartnerId, bool Successful, string? Reason)
    : IIntegrationMessage
{
    public static string MessageName => "partners.referral-completed.v1";
}

/// <summary>A partner was paused or ended; open referrals to it need one of the alternatives.</summary>
public sealed record PartnerUnavailable(
    Guid MessageId,
    Instant OccurredAt,
    Guid PartnerId,
    PartnerStatus Status,
    LocalDate From,
    IReadOnlyList<PartnerAlternatives> Alternatives) : IIntegrationMessage
{
    public static string MessageName => "partners.partner-unavailable.v1";
}

/// <summary>Active partners that could take over the given service category in the given Quartier.</summary>
public sealed record PartnerAlternatives(string ServiceCategory, string Quartier, IReadOnlyList<Guid> PartnerIds);
