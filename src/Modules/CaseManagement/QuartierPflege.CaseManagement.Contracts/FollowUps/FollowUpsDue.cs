using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.CaseManagement.Contracts.FollowUps;

/// <summary>
/// One case manager's daily digest of the follow-ups (Wiedervorlagen) due on or before <paramref name="Date"/> and not
/// yet done. <paramref name="Email"/> is the account's address at the time the digest was made.
/// </summary>
public sealed record FollowUpsDue(
    Guid MessageId,
    Instant OccurredAt,
    Guid CaseManagerUserId,
    string Email,
    string CaseManagerName,
    LocalDate Date,
    IReadOnlyList<DueFollowUp> Items) : IIntegrationMessage
{
    public static string MessageName => "case-management.follow-ups-due.v1";
}

/// <summary>One follow-up in the digest: enough to find the case, no health details.</summary>
public sealed record DueFollowUp(Guid CaseId, string CaseNumber, string ResidentDisplayName, string Title, LocalDate DueOn);
