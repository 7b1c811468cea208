namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// A job of the product as code defines it: its key, its cron schedule (Europe/Berlin), a German description for the
/// admin page and what it does. Quartz stores only the key and the schedule; the work is looked up here by key.
/// </summary>
internal sealed record ScheduledJob(string Key, string Cron, string Description, Func<IServiceProvider, CancellationToken, Task> RunAsync);

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
