using NodaTime;
using Quartz;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>A job as the admin page shows it. Times are instants; the page shows them in Berlin time.</summary>
public sealed record ScheduledJobStatus(string Key, string Description, string Cron, Instant? LastRunAt, Instant? NextRunAt);

public enum RunNowResult
{
    Started,
    UnknownJob,
    SchedulerDisabled,
}

/// <summary>What the admin UI and API see of the scheduled jobs, and starting one now.</summary>
public sealed class JobMonitor
{
    private readonly ScheduledJobCatalog _catalog;
    private readonly JobRunLog _runs;
    private readonly ISchedulerFactory? _schedulers;

    internal JobMonitor(ScheduledJobCatalog catalog, JobRunLog runs, ISchedulerFactory? schedulers)
    {
        _catalog = catalog;
        _runs = runs;
        _schedulers = schedulers;
    }

    /// <summary>Whether this process runs a scheduler (<c>Jobs:SchedulerEnabled</c>); without one it cannot see next runs or start a job.</summary>
    public bool SchedulerEnabled => _schedulers is not null;

    public async Task<IReadOnlyList<ScheduledJobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var lastRuns = await _runs.LastRunsAsync(cancellationToken);
        var scheduler = _schedulers is null ? null : await _schedulers.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJobStatus>();
        foreach (var job in _catalog.Jobs)
        {
            var trigger = scheduler is null ? null : await scheduler.GetTrigger(BerlinSchedule.CronTriggerKeyOf(job.Key), cancellationToken);
            jobs.Add(new ScheduledJobStatus(
                job.Key,
                job.Description,
                job.Cron,
                lastRuns.TryGetValue(job.Key, out var lastRun) ? lastRun : null,
                trigger?.NextFireTimeUtc is { } next ? Instant.FromDateTimeOffset(next) : null));
        }

        return jobs;
    }

    public string? DescriptionOf(string key) => _catalog.Find(key)?.Description;

    /// <summary>Fires the job once, now, on whichever node of the cluster takes it first.</summary>
    public async Task<RunNowResult> RunNowAsync(string key, CancellationToken cancellationToken)
    {
        if (_catalog.Find(key) is null)
        {
            return RunNowResult.UnknownJob;
        }

        if (_schedulers is null)
        {
            return RunNowResult.SchedulerDisabled;
        }

        var scheduler = await _schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(BerlinSchedule.JobKeyOf(key), cancellationToken);
        return RunNowResult.Started;
    }
}
