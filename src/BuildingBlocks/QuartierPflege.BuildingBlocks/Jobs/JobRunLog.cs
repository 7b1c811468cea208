using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// When each job last ran, whichever node ran it and whatever started it (its schedule or a person). Quartz itself
/// forgets a "run now" as soon as it is done, and the admin page should show it.
/// </summary>
internal sealed class JobRunLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(string key, Instant ranAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
             INSERT INTO {JobsDbContext.SchemaName}.job_runs (job_key, last_run_at) VALUES (@key, @ranAt)
             ON CONFLICT (job_key) DO UPDATE SET last_run_at = excluded.last_run_at
             """);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("ranAt", ranAt.ToDateTimeUtc());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, Instant>> LastRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT job_key, last_run_at FROM {JobsDbContext.SchemaName}.job_runs");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new Dictionary<string, Instant>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs[reader.GetString(0)] = reader.GetInstant(1);
        }

        return runs;
    }
}
