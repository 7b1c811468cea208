using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Messaging;

/// <summary>
/// Moves messages from every module's outbox to their handlers. Claims rows with <c>FOR UPDATE SKIP LOCKED</c> (so two
/// Host processes never take the same row), is woken by <c>LISTEN/NOTIFY</c> and polls slowly as a fallback. A row is
/// marked processed only after every handler has committed; on failure it is retried with a growing delay and after
/// the last attempt dead-lettered.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IEnumerable<IModuleDatabase> databases,
    MessageDispatcher dispatcher,
    IOptions<MessagingOptions> options,
    IClock clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;
    private readonly string[] _schemas = [.. databases.Where(d => d.HasMessaging).Select(d => d.Schema).Distinct()];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RelayEnabled || _schemas.Length == 0)
        {
            return;
        }

        // Let the host finish starting before the first database round trip.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.NotifyChannel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    var delivered = await DrainAsync(stoppingToken);
                    if (delivered == 0)
                    {
                        // Returns on a NOTIFY (a commit to some outbox) or after the poll interval.
                        await listener.WaitAsync(_options.PollInterval, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogRelayError(logger, ex);
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Delivers everything that is due in every module's outbox; returns how many messages were handled.</summary>
    internal async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var schema in _schemas)
        {
            int claimed;
            do
            {
                claimed = await ProcessBatchAsync(schema, cancellationToken);
                total += claimed;
            }
            while (claimed == _options.BatchSize && !cancellationToken.IsCancellationRequested);
        }

        return total;
    }

    private async Task<int> ProcessBatchAsync(string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimAsync(connection, transaction, schema, cancellationToken);
        if (batch.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }

        var failures = await dispatcher.DeliverAsync(batch, cancellationToken);
        var now = clock.GetCurrentInstant();
        var succeeded = batch.Where(e => !failures.ContainsKey(e.MessageId)).Select(e => e.Id).ToArray();
        if (succeeded.Length > 0)
        {
            await using var done = new NpgsqlCommand(
                $"UPDATE {schema}.outbox SET processed_at = @now, attempts = attempts + 1, last_error = NULL WHERE id = ANY(@ids)",
                connection, transaction);
            done.Parameters.AddWithValue("now", now.ToDateTimeUtc());
            done.Parameters.AddWithValue("ids", succeeded);
            await done.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var envelope in batch.Where(e => failures.ContainsKey(e.MessageId)))
        {
            await RecordFailureAsync(connection, transaction, schema, envelope, failures[envelope.MessageId], now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task<List<Envelope>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            $"""
             SELECT id, message_id, name, payload::text, attempts FROM {schema}.outbox
             WHERE processed_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= @now
             ORDER BY id LIMIT @batch
             FOR UPDATE SKIP LOCKED
             """,
            connection, transaction);
        claim.Parameters.AddWithValue("now", clock.GetCurrentInstant().ToDateTimeUtc());
        claim.Parameters.AddWithValue("batch", _options.BatchSize);
        var batch = new List<Envelope>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new Envelope(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return batch;
    }

    private async Task RecordFailureAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, Envelope envelope, string error, Instant now,
        CancellationToken cancellationToken)
    {
        var attempts = envelope.Attempts + 1;
        var dead = attempts >= _options.MaxAttempts;
        await using var failed = new NpgsqlCommand(
            $"""
             UPDATE {schema}.outbox
             SET attempts = @attempts, last_error = @error, next_attempt_at = @next, dead_lettered_at = @dead
             WHERE id = @id
             """,
            connection, transaction);
        failed.Parameters.AddWithValue("attempts", attempts);
        failed.Parameters.AddWithValue("error", error.Length > 4000 ? error[..4000] : error);
        failed.Parameters.AddWithValue("next", (now + Duration.FromTimeSpan(_options.DelayAfter(attempts))).ToDateTimeUtc());
        failed.Parameters.AddWithValue("dead", dead ? now.ToDateTimeUtc() : DBNull.Value);
        failed.Parameters.AddWithValue("id", envelope.Id);
        await failed.ExecuteNonQueryAsync(cancellationToken);
        if (dead)
        {
            LogDeadLettered(logger, envelope.Name, envelope.MessageId, attempts, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message relay error; retrying")]
    private static partial void LogRelayError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageName} {MessageId} dead-lettered after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string messageName, Guid messageId, int attempts, string error);
}
