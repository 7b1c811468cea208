using System.Text.Json;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Messaging;

public static class Publishing
{
    /// <summary>
    /// Puts a message into this module's outbox. It is stored by the same <c>SaveChanges</c> as the state change, so
    /// either both happen or neither; the relay delivers it after the commit.
    /// </summary>
    public static void Publish<TMessage>(this ModuleDbContext db, TMessage message)
        where TMessage : class, IIntegrationMessage
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var now = db.Clock.GetCurrentInstant();
        var messageId = message.MessageId == Guid.Empty ? Guid.CreateVersion7() : message.MessageId;
        var occurredAt = message.OccurredAt == default ? now : message.OccurredAt;

        // The envelope's id and time are part of the payload too, so a consumer always sees them filled in.
        var payload = JsonSerializer.SerializeToNode(message, MessageJson.Options)!.AsObject();
        payload["messageId"] = messageId;
        payload["occurredAt"] = JsonSerializer.SerializeToNode(occurredAt, MessageJson.Options);
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = messageId,
            Name = TMessage.MessageName,
            Payload = payload.ToJsonString(MessageJson.Options),
            OccurredAt = occurredAt,
            CreatedAt = now,
            NextAttemptAt = now,
            CausationId = HandlingContext.CurrentMessageId,
        });
    }
}

/// <summary>Which message the current code is handling (so messages published by a handler record their cause).</summary>
internal static class HandlingContext
{
    private static readonly AsyncLocal<Guid?> Current = new();

    public static Guid? CurrentMessageId => Current.Value;

    public static IDisposable Enter(Guid messageId)
    {
        var previous = Current.Value;
        Current.Value = messageId;
        return new Restore(previous);
    }

    private sealed class Restore(Guid? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
