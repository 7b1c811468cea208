namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// A job of the product as code defines it: its key (Hangfire's recurring job id), its cron schedule (Europe/Berlin),
/// a German description for the jobs page and how to build its command. Hangfire stores only the key and the schedule;
/// what a run sends is looked up here by key, so a deployment changes it without touching the stored schedule.
/// </summary>
internal sealed record ScheduledJob(string Key, string Cron, string Description, Type CommandType, Func<NodaTime.IClock, object> CreateCommand);

/// <summary>Every scheduled job registered by the Host and the modules, in key order.</summary>
internal sealed class ScheduledJobCatalog
{
    private readonly Dictionary<string, ScheduledJob> _jobs;

    public ScheduledJobCatalog(IEnumerable<ScheduledJob> jobs)
    {
        _jobs = new Dictionary<string, ScheduledJob>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!_jobs.TryAdd(job.Key, job))
            {
                throw new InvalidOperationException($"The job key '{job.Key}' is registered twice.");
            }
        }

        Jobs = [.. _jobs.Values.OrderBy(j => j.Key, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ScheduledJob> Jobs { get; }

    public ScheduledJob? Find(string key) => _jobs.GetValueOrDefault(key);
}
