using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.CaseManagement.Contracts.FollowUps;

/// <summary>
/// Command (sent by the daily job, 07:00 Europe/Berlin): tell each case manager which follow-ups are due on or before
/// <paramref name="Date"/>. Idempotent: a second command for the same date sends nothing new.
/// </summary>
public sealed record SendFollowUpReminders(Guid MessageId, Instant OccurredAt, LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "case-management.send-follow-up-reminders.v1";
}
