using NodaTime;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>
/// A message waiting in (or handled from) a module's outbox. Written in the same transaction as the state change that
/// caused it; the relay delivers it to every subscribed handler and only then marks it processed.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    public Guid MessageId { get; init; }

    public required string Name { get; init; }

    public required string Payload { get; init; }

    public Instant OccurredAt { get; init; }

    public Instant CreatedAt { get; init; }

    /// <summary>The message whose handler published this one, if any: lets the admin UI show cascades.</summary>
    public Guid? CausationId { get; init; }

    public int Attempts { get; set; }

    public Instant NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public Instant? ProcessedAt { get; set; }

    public Instant? DeadLetteredAt { get; set; }
}

/// <summary>That a handler has handled a message; written in the handler's own transaction, so a redelivery is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Handler { get; init; }

    public Instant ProcessedAt { get; init; }
}
