using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Messaging;

public sealed record ModuleMessageFlow(string Schema, int Pending, int Retrying, int HandledLastHour, int DeadLettered, Instant? OldestPendingSince);

public sealed record MessageSummary(
    string Schema,
    long Id,
    Guid MessageId,
    string Name,
    string Payload,
    int Attempts,
    string? LastError,
    Instant CreatedAt,
    Instant NextAttemptAt,
    Instant? DeadLetteredAt);

/// <summary>What the admin UI and the tests see of the message flow, plus replay and pruning.</summary>
public sealed class MessageMonitor(
    NpgsqlDataSource dataSource,
    IEnumerable<IModuleDatabase> databases,
    IOptions<MessagingOptions> options,
    IClock clock)
{
    private readonly string[] _schemas = [.. databases.Where(d => d.HasMessaging).Select(d => d.Schema).Distinct().Order()];

    public IReadOnlyList<string> Schemas => _schemas;

    public async Task<IReadOnlyList<ModuleMessageFlow>> FlowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var flows = new List<ModuleMessageFlow>();
        foreach (var schema in _schemas)
        {
            await using var command = dataSource.CreateCommand(
                $"""
                 SELECT
                   count(*) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL),
                   count(*) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND attempts > 0),
                   count(*) FILTER (WHERE processed_at >= @hourAgo),
                   count(*) FILTER (WHERE dead_lettered_at IS NOT NULL),
                   min(created_at) FILTER (WHERE processed_at IS NULL AND dead_lettered_at IS NULL)
                 FROM {schema}.outbox
                 """);
            command.Parameters.AddWithValue("hourAgo", (now - Duration.FromHours(1)).ToDateTimeUtc());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            flows.Add(new ModuleMessageFlow(schema, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2),
                (int)reader.GetInt64(3), reader.GetNullableInstant(4)));
        }

        return flows;
    }

    /// <summary>Messages not yet handled by all their handlers (including those waiting for a retry).</summary>
    public Task<IReadOnlyList<MessageSummary>> PendingAsync(CancellationToken cancellationToken)
        => ListAsync("processed_at IS NULL AND dead_lettered_at IS NULL", 500, cancellationToken);

    public Task<IReadOnlyList<MessageSummary>> DeadLettersAsync(CancellationToken cancellationToken)
        => ListAsync("dead_lettered_at IS NOT NULL", 200, cancellationToken);

    /// <summary>Sends a dead letter round again (after the fault is fixed). Returns false if there is no such dead letter.</summary>
    public async Task<bool> ReplayAsync(string schema, long id, CancellationToken cancellationToken)
    {
        if (!_schemas.Contains(schema))
        {
            return false;
        }

        await using var command = dataSource.CreateCommand(
            $"""
             UPDATE {schema}.outbox
             SET dead_lettered_at = NULL, attempts = 0, last_error = NULL, next_attempt_at = @now
             WHERE id = @id AND dead_lettered_at IS NOT NULL AND processed_at IS NULL
             """);
        command.Parameters.AddWithValue("now", clock.GetCurrentInstant().ToDateTimeUtc());
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes handled outbox rows and inbox entries older than the retention; dead letters stay.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetCurrentInstant() - Duration.FromTimeSpan(options.Value.Retention)).ToDateTimeUtc();
        var deleted = 0;
        foreach (var schema in _schemas)
        {
            await using var command = dataSource.CreateCommand(
                $"""
                 WITH o AS (DELETE FROM {schema}.outbox WHERE processed_at < @cutoff RETURNING 1),
                      i AS (DELETE FROM {schema}.inbox WHERE processed_at < @cutoff RETURNING 1)
                 SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM i)
                 """);
            command.Parameters.AddWithValue("cutoff", cutoff);
            deleted += (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return deleted;
    }

    private async Task<IReadOnlyList<MessageSummary>> ListAsync(string condition, int limit, CancellationToken cancellationToken)
    {
        var messages = new List<MessageSummary>();
        foreach (var schema in _schemas)
        {
            await using var command = dataSource.CreateCommand(
                $"""
                 SELECT id, message_id, name, payload::text, attempts, last_error, created_at, next_attempt_at, dead_lettered_at
                 FROM {schema}.outbox WHERE {condition} ORDER BY id LIMIT {limit}
                 """);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new MessageSummary(schema, reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                    reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInstant(6),
                    reader.GetInstant(7), reader.GetNullableInstant(8)));
            }
        }

        return messages;
    }
}
