using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.CaseManagement.Contracts.Planning;

/// <summary>
/// A case hands a need to a partner. Carries only what the resident consented to disclose: the summary the case manager
/// wrote for this partner (never checklist answers or diagnoses) and contact details only when agreed.
/// </summary>
public sealed record ReferralRequested(
    Guid MessageId,
    Instant OccurredAt,
    Guid ReferralId,
    Guid CaseId,
    Guid PartnerId,
    string ServiceCategory,
    string Quartier,
    string DisclosedSummary,
    ReferralContactDetails? ContactDetails,
    LocalDate? RespondBy) : IIntegrationMessage
{
    public static string MessageName => "case-management.referral-requested.v1";
}

/// <summary>How the partner reaches the resident (only sent when the resident agreed).</summary>
public sealed record ReferralContactDetails(string Name, string Street, string HouseNumber, string? Flat, string PostalCode, string City, string? Phone);

/// <summary>
/// The case manager withdrew a referral; the partner should stop working on it. <see cref="Reason"/> is the case's own
/// record (a case manager's free text may name the resident's situation); <see cref="Cause"/> is what the partner may be
/// told. Messages from before the cause existed read as <see cref="ReferralWithdrawalCause.CaseManager"/>.
/// </summary>
public sealed record ReferralWithdrawn(
    Guid MessageId,
    Instant OccurredAt,
    Guid ReferralId,
    string Reason,
    ReferralWithdrawalCause Cause = ReferralWithdrawalCause.CaseManager) : IIntegrationMessage
{
    public static string MessageName => "case-management.referral-withdrawn.v1";
}

/// <summary>Why a referral was withdrawn, in the few words a partner may be told.</summary>
public enum ReferralWithdrawalCause
{
    /// <summary>The case manager withdrew it (their reason stays in the case).</summary>
    CaseManager,

    /// <summary>The resident withdrew the consent "Weitergabe an Netzwerkpartner" the referral relied on.</summary>
    ConsentWithdrawn,

    /// <summary>The case was closed while the referral was open.</summary>
    CaseClosed,
}

/// <summary>
/// A case manager sent a referral without the resident's sharing consent because of an acute danger (Notfall). Coordination
/// is told at once; carries the reason and who did it, never anything about the resident's health or situation.
/// </summary>
public sealed record EmergencyDisclosureMade(
    Guid MessageId,
    Instant OccurredAt,
    Guid CaseId,
    string CaseNumber,
    Guid ReferralId,
    Guid PartnerId,
    string PartnerName,
    string Reason,
    string By,
    Instant At) : IIntegrationMessage
{
    public static string MessageName => "case-management.emergency-disclosure-made.v1";
}
