using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Documents;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using Wolverine.Transports.Local;
using Wolverine.Util;

namespace QuartierPflege.BuildingBlocks.Bus;

/// <summary>A durable local queue: who handles what arrives there, and how many envelopes it holds in each state.</summary>
public sealed record QueueCounts(string Queue, IReadOnlyList<QueueHandler> Handlers, int Queued, int Scheduled, int Handled, int DeadLetters);

/// <summary>One message kind a queue handles, and the module whose handler does it (both in German).</summary>
public sealed record QueueHandler(MessageDescription Message, string HandlerModule, string Handler);

/// <summary>A message that failed all its attempts, as the admin page and API show it.</summary>
public sealed record DeadLetter(
    Guid Id,
    MessageDescription Message,
    string Queue,
    string ErrorType,
    string Error,
    Instant SentAt,
    int Attempts,
    string Payload,
    bool ReplayRequested);

/// <summary>
/// The message flow for coordination, read from Wolverine's own storage (schema <c>wolverine</c>): the counts per local
/// queue, the dead letters, and replaying or discarding them. Replay only marks a dead letter; Wolverine's durability
/// agent moves it back into its queue on its next poll (<c>Messaging:ScheduledJobPollingTime</c>), and only into the
/// queue of the handler that failed — handlers that had succeeded do not see it again.
/// </summary>
public sealed class MessageAdministration(IWolverineRuntime runtime, NpgsqlDataSource dataSource)
{
    private const int DeadLetterPageSize = 500;

    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<IReadOnlyList<QueueCounts>> QueuesAsync(CancellationToken cancellationToken)
    {
        var handlers = HandlersByQueue();
        var counts = new Dictionary<string, (int Queued, int Scheduled, int Handled, int Dead)>(StringComparer.Ordinal);
        foreach (var queue in runtime.Options.Transports.AllEndpoints().OfType<LocalQueue>().Where(q => handlers.ContainsKey(Key(q.Uri))))
        {
            counts[Key(queue.Uri)] = default;
        }

        // Wolverine's admin API counts per store only; the breakdown per queue is one grouped read of its own tables.
        var schema = MartenSetup.WolverineSchema;
        await using var command = dataSource.CreateCommand(
            $"""
             SELECT {DatabaseConstants.ReceivedAt}, {DatabaseConstants.Status}, count(*)
             FROM {schema}.{DatabaseConstants.IncomingTable} GROUP BY 1, 2
             UNION ALL
             SELECT {DatabaseConstants.ReceivedAt}, 'Dead', count(*) FROM {schema}.{DatabaseConstants.DeadLetterTable} GROUP BY 1
             """);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var queue = Key(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
                var status = reader.GetString(1);
                var count = (int)reader.GetInt64(2);
                var row = counts.GetValueOrDefault(queue);
                counts[queue] = status switch
                {
                    "Incoming" => row with { Queued = row.Queued + count },
                    "Scheduled" => row with { Scheduled = row.Scheduled + count },
                    "Handled" => row with { Handled = row.Handled + count },
                    _ => row with { Dead = row.Dead + count },
                };
            }
        }

        return
        [
            .. counts.Select(c => new QueueCounts(c.Key, handlers.GetValueOrDefault(c.Key) ?? [], c.Value.Queued, c.Value.Scheduled,
                    c.Value.Handled, c.Value.Dead))
                .OrderBy(q => q.Handlers.Count == 0 ? 1 : 0)
                .ThenBy(q => q.Handlers.Count == 0 ? q.Queue : q.Handlers[0].HandlerModule, StringComparer.Ordinal)
                .ThenBy(q => q.Queue, StringComparer.Ordinal),
        ];
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(CancellationToken cancellationToken)
    {
        var letters = new List<DeadLetter>();
        foreach (var store in await runtime.Stores.FindAllAsync())
        {
            var results = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = DeadLetterPageSize }, cancellationToken);
            letters.AddRange(results.Envelopes.Select(Shown));
        }

        return [.. letters.OrderByDescending(l => l.SentAt)];
    }

    /// <summary>Sends the given dead letters round again. Returns the ids that were dead letters (the others are unknown or already on their way).</summary>
    public Task<IReadOnlyList<Guid>> ReplayAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        => ForEachStoreAsync(ids, (letters, found) => letters.ReplayAsync(new DeadLetterEnvelopeQuery(found), cancellationToken), cancellationToken);

    /// <summary>Deletes the given dead letters for good. Returns the ids that were dead letters.</summary>
    public Task<IReadOnlyList<Guid>> DiscardAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        => ForEachStoreAsync(ids, (letters, found) => letters.DiscardAsync(new DeadLetterEnvelopeQuery(found), cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<Guid>> ForEachStoreAsync(
        IReadOnlyCollection<Guid> ids, Func<IDeadLetters, Guid[], Task> action, CancellationToken cancellationToken)
    {
        var done = new List<Guid>();
        if (ids.Count == 0)
        {
            return done;
        }

        foreach (var store in await runtime.Stores.FindAllAsync())
        {
            var existing = await store.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery([.. ids]) { PageSize = ids.Count }, cancellationToken);
            // One already marked for replay is on its way: replaying it again would deliver it twice.
            var found = existing.Envelopes.Where(e => !e.Replayable).Select(e => e.Id).Distinct().ToArray();
            if (found.Length > 0)
            {
                await action(store.DeadLetters, found);
                done.AddRange(found);
            }
        }

        return done;
    }

    private Dictionary<string, List<QueueHandler>> HandlersByQueue()
    {
        var byQueue = new Dictionary<string, List<QueueHandler>>(StringComparer.Ordinal);
        // The concrete runtime exposes the handler graph (the interface does not).
        foreach (var chain in ((WolverineRuntime)runtime).Handlers.Chains)
        {
            foreach (var handled in chain.ByEndpoint.Count > 0 ? chain.ByEndpoint : [chain])
            {
                var handlerType = handled.Handlers.FirstOrDefault()?.HandlerType;
                var handler = new QueueHandler(
                    MessageCatalogue.Describe(handled.MessageType.ToMessageTypeName()),
                    MessageCatalogue.ModuleOfNamespace(handlerType?.Namespace),
                    handlerType?.Name ?? string.Empty);
                foreach (var endpoint in handled.Endpoints.OfType<LocalQueue>())
                {
                    var key = Key(endpoint.Uri);
                    if (!byQueue.TryGetValue(key, out var list))
                    {
                        byQueue[key] = list = [];
                    }

                    list.Add(handler);
                }
            }
        }

        return byQueue;
    }

    private static DeadLetter Shown(DeadLetterEnvelope dead) => new(
        dead.Id,
        MessageCatalogue.Describe(dead.MessageType),
        Key(dead.ReceivedAt),
        dead.ExceptionType,
        dead.ExceptionMessage,
        Instant.FromDateTimeOffset(dead.SentAt),
        dead.Envelope.Attempts,
        ReadablePayload(dead.Envelope.Data),
        dead.Replayable);

    private static string ReadablePayload(byte[]? data)
    {
        if (data is null || data.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(data);
            return JsonSerializer.Serialize(json.RootElement, Readable);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(data);
        }
    }

    private static string Key(Uri uri) => Key(uri.ToString());

    /// <summary>The queue's name without the scheme and trailing slash (<c>local://x/</c> → <c>x</c>).</summary>
    private static string Key(string receivedAt)
    {
        var name = receivedAt.StartsWith("local://", StringComparison.OrdinalIgnoreCase) ? receivedAt["local://".Length..] : receivedAt;
        return name.TrimEnd('/');
    }
}
