namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>Settings of the relay (configuration section "Messaging").</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Whether this process runs a relay. Every Host does by default; two or more may run side by side.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How many delivery attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay after the first failure; it doubles with every further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Fallback poll when no NOTIFY arrives (lost connection, a retry falling due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed per transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Handled outbox and inbox rows are pruned after this long (dead letters are kept until replayed).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay;
    }
}
