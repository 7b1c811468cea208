using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>How the last run of a job ended, as far as Hangfire knows.</summary>
public enum LastRunResult
{
    /// <summary>The job has not run yet (since it was registered).</summary>
    None,
    Succeeded,
    Failed,

    /// <summary>Failed, and Hangfire tries again later.</summary>
    Retrying,

    /// <summary>Queued or running right now.</summary>
    Running,

    /// <summary>Deleted (e.g. from the dashboard) before it finished.</summary>
    Cancelled,
}

/// <summary>A job as the jobs page shows it. Times are instants; the page shows them in Berlin time.</summary>
public sealed record ScheduledJobStatus(
    string Key, string Description, string Cron, Instant? LastRunAt, LastRunResult LastResult, Instant? NextRunAt);

public enum RunNowResult
{
    Started,
    UnknownJob,

    /// <summary>No Host runs a Hangfire server at the moment, so nothing would take the run.</summary>
    NoServer,
}

/// <summary>What the jobs page and API see of the scheduled jobs (from Hangfire's storage), and starting one now.</summary>
public sealed class JobMonitor
{
    private readonly ScheduledJobCatalog _catalog;
    private readonly JobStorage _storage;
    private readonly IRecurringJobManagerV2 _recurringJobs;
    private readonly IOptions<JobsOptions> _options;

    internal JobMonitor(ScheduledJobCatalog catalog, JobStorage storage, IRecurringJobManagerV2 recurringJobs, IOptions<JobsOptions> options)
    {
        _catalog = catalog;
        _storage = storage;
        _recurringJobs = recurringJobs;
        _options = options;
    }

    /// <summary>Whether this process runs a Hangfire server (<c>Jobs:ServerEnabled</c>).</summary>
    public bool ServerEnabled => _options.Value.ServerEnabled;

    /// <summary>How many Hangfire servers (in all Hosts) are alive: only they run jobs.</summary>
    public int ActiveServers() => _storage.GetMonitoringApi().Servers().Count;

    public IReadOnlyList<ScheduledJobStatus> List()
    {
        using var connection = _storage.GetConnection();
        var stored = connection.GetRecurringJobs([.. _catalog.Jobs.Select(j => j.Key)])
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return
        [
            .. _catalog.Jobs.Select(job => stored.TryGetValue(job.Key, out var recurring)
                ? new ScheduledJobStatus(job.Key, job.Description, job.Cron, InstantOf(recurring.LastExecution),
                    ResultOf(recurring), InstantOf(recurring.NextExecution))
                : new ScheduledJobStatus(job.Key, job.Description, job.Cron, null, LastRunResult.None, null)),
        ];
    }

    public string? DescriptionOf(string key) => _catalog.Find(key)?.Description;

    /// <summary>
    /// Queues one run now; whichever Host's server takes it first runs it. It waits for a run of the same job that is
    /// still going (never overlaps it).
    /// </summary>
    public RunNowResult RunNow(string key)
    {
        if (_catalog.Find(key) is null)
        {
            return RunNowResult.UnknownJob;
        }

        if (ActiveServers() == 0)
        {
            return RunNowResult.NoServer;
        }

        return _recurringJobs.TriggerJob(key) is null ? RunNowResult.UnknownJob : RunNowResult.Started;
    }

    private static LastRunResult ResultOf(RecurringJobDto job) => job.LastJobId is null
        ? LastRunResult.None
        : job.LastJobState switch
        {
            "Succeeded" => LastRunResult.Succeeded,
            "Failed" => LastRunResult.Failed,
            // A failed run that AutomaticRetry put back on the schedule.
            "Scheduled" => LastRunResult.Retrying,
            "Deleted" => LastRunResult.Cancelled,
            _ => LastRunResult.Running,
        };

    /// <summary>Hangfire's times are UTC <see cref="DateTime"/>s.</summary>
    private static Instant? InstantOf(DateTime? utc)
        => utc is { } at ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
}
