namespace QuartierPflege.BuildingBlocks.Bus;

/// <summary>Settings of the message bus (section <c>Messaging</c>); the defaults are the production values.</summary>
public sealed class MessagingSettings
{
    public const string Section = "Messaging";

    private static readonly TimeSpan[] DefaultRetryCooldowns = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// The pauses between the attempts of a failing handler; after the last one the message is a dead letter. Empty
    /// means the defaults (1 s, 5 s, 30 s): a default array here would be extended, not replaced, by the configuration
    /// binder, so configured cooldowns would come after the defaults.
    /// </summary>
    public TimeSpan[] RetryCooldowns { get; set; } = [];

    /// <summary>The cooldowns in force: the configured ones, or the defaults.</summary>
    public IReadOnlyList<TimeSpan> EffectiveRetryCooldowns => RetryCooldowns.Length > 0 ? RetryCooldowns : DefaultRetryCooldowns;

    /// <summary>How many messages a local queue handles at once (each in its own transaction).</summary>
    public int ParallelMessagesPerQueue { get; set; } = 20;

    /// <summary>After how long without a sign of life another Host takes over a Host's messages.</summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a Host tells the others it is alive and looks for dead ones.</summary>
    public TimeSpan HealthCheckPollingTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often stored messages that are due (retries, scheduled, orphaned) are looked for.</summary>
    public TimeSpan ScheduledJobPollingTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long handled messages are kept (so that a repeated delivery is recognised) before they are deleted.</summary>
    public TimeSpan KeepHandledMessagesFor { get; set; } = TimeSpan.FromDays(14);
}
