using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>A claimed outbox row on its way to the handlers.</summary>
internal sealed record Envelope(long Id, Guid MessageId, string Name, string Payload, int Attempts);

/// <summary>
/// Delivers claimed messages to their handlers, each handler in its own module's transaction with its inbox entry.
/// A batch goes to a handler in one transaction (fast); if that fails, each message is tried alone so that one bad
/// message does not hold back the others.
/// </summary>
internal sealed partial class MessageDispatcher(
    IServiceScopeFactory scopes,
    MessageRegistry registry,
    IClock clock,
    ILogger<MessageDispatcher> logger)
{
    /// <returns>The messages that failed for at least one handler, with the errors.</returns>
    public async Task<Dictionary<Guid, string>> DeliverAsync(IReadOnlyList<Envelope> batch, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<Guid, string>();
        foreach (var group in batch.GroupBy(e => e.Name))
        {
            if (!registry.IsKnown(group.Key))
            {
                foreach (var envelope in group)
                {
                    failures[envelope.MessageId] = $"Unbekannter Nachrichtentyp '{group.Key}' (nicht registriert).";
                }

                continue;
            }

            var messages = group.ToList();
            foreach (var subscription in registry.SubscriptionsFor(group.Key))
            {
                if (messages.Count > 1 && await TryDeliverAsync(subscription, messages, cancellationToken) is null)
                {
                    continue;
                }

                foreach (var envelope in messages)
                {
                    if (await TryDeliverAsync(subscription, [envelope], cancellationToken) is { } error)
                    {
                        failures[envelope.MessageId] = failures.TryGetValue(envelope.MessageId, out var earlier)
                            ? $"{earlier}\n{subscription.HandlerName}: {error}"
                            : $"{subscription.HandlerName}: {error}";
                    }
                }
            }
        }

        return failures;
    }

    private async Task<string?> TryDeliverAsync(Subscription subscription, IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(subscription.ContextType);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = envelopes.Select(e => e.MessageId).ToList();
            var handled = await db.Inbox
                .Where(i => i.Handler == subscription.HandlerName && ids.Contains(i.MessageId))
                .Select(i => i.MessageId)
                .ToListAsync(cancellationToken);
            foreach (var envelope in envelopes.Where(e => !handled.Contains(e.MessageId)))
            {
                var message = registry.Deserialize(envelope.Name, envelope.Payload);
                using (HandlingContext.Enter(envelope.MessageId))
                {
                    await subscription.Invoke(scope.ServiceProvider, message, cancellationToken);
                }

                db.Inbox.Add(new InboxMessage
                {
                    MessageId = envelope.MessageId,
                    Handler = subscription.HandlerName,
                    ProcessedAt = clock.GetCurrentInstant(),
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (envelopes.Count == 1)
            {
                LogHandlerFailed(logger, ex, subscription.HandlerName, envelopes[0].Name, envelopes[0].MessageId);
            }

            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler {Handler} failed for {MessageName} {MessageId}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string messageName, Guid messageId);
}
