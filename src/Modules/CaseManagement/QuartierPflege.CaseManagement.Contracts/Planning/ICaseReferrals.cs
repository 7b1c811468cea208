using NodaTime;

namespace QuartierPflege.CaseManagement.Contracts.Planning;

/// <summary>
/// The referrals of the cases of one Quartier as the partners know them from the messages: what
/// <see cref="ReferralRequested"/> carried and how far each got (the partners' answers, a withdrawal, the case's closing).
/// Used by the Partners module's demo data, which loads a snapshot of the demo cases' referrals instead of replaying the
/// messages (as the Volunteers module does with <see cref="INeighbourHelpRequests"/>).
/// </summary>
public interface ICaseReferrals
{
    Task<IReadOnlyList<CaseReferral>> InQuartierAsync(string quartier, CancellationToken cancellationToken);
}

/// <summary>How far a referral got, in the words of the messages that carried it.</summary>
public enum CaseReferralState
{
    Sent = 0,
    Accepted = 1,
    Declined = 2,
    CompletedSuccessfully = 3,
    CompletedUnsuccessfully = 4,
    Withdrawn = 5,
}

public sealed record CaseReferral(
    Guid ReferralId,
    Guid CaseId,
    Guid PartnerId,
    string ServiceCategory,
    string Quartier,
    string DisclosedSummary,
    ReferralContactDetails? ContactDetails,
    LocalDate? RespondBy,
    Instant SentAt,
    CaseReferralState State,
    Instant? AnsweredAt,
    Instant? CompletedAt,
    string? ContactPerson,
    string? Reason,
    LocalDate? CaseClosedOn);
