using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.DataProtection.Contracts;

/// <summary>
/// Command of the data-protection module to itself (weekly job, and "Jetzt ausführen"): start a retention sweep for
/// <paramref name="Date"/>. Its handler records the run and sends <see cref="RetentionSweep"/> with the periods in force;
/// the run's id is <paramref name="MessageId"/>, so the same command delivered twice starts one run.
/// </summary>
public sealed record StartRetentionSweep(Guid MessageId, Instant OccurredAt, LocalDate Date, string StartedBy) : IIntegrationMessage
{
    public static string MessageName => "data-protection.start-retention-sweep.v1";
}
