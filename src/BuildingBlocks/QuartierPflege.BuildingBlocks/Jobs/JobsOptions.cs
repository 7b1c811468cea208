namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>Settings of the background jobs (configuration section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this process runs a Hangfire server. Every Host does by default: the servers share the queue and the
    /// recurring-job schedule in the database, and Hangfire's distributed locks make one trigger one run however many run.
    /// A Host without a server still lists the jobs and can start one; a server of another Host then runs it.
    /// </summary>
    public bool ServerEnabled { get; set; } = true;

    /// <summary>Jobs only send a Wolverine command, so a few workers are plenty.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often a server looks for recurring jobs that are due and for retries whose delay has passed.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle worker looks into the queue for a job to run.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a failed run is tried again before it stays failed (visible on the jobs page and the dashboard).</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>
    /// The wait before each retry (the last one repeats). Empty means 1, 5, 15, 30 and 60 minutes: long enough for a
    /// database restart or a deployment to be over.
    /// </summary>
    public IList<TimeSpan> RetryDelays { get; } = [];

    /// <summary>
    /// How long a run waits for a run of the same job that is still going (e.g. "Jetzt ausführen" during the scheduled
    /// run) before it gives up; it then fails and is retried later, but never runs at the same time.
    /// </summary>
    public TimeSpan OverlapWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    internal int[] RetryDelaysInSeconds()
    {
        IEnumerable<TimeSpan> delays = RetryDelays.Count > 0
            ? RetryDelays
            : [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1)];
        return [.. delays.Select(d => (int)Math.Ceiling(d.TotalSeconds))];
    }
}
