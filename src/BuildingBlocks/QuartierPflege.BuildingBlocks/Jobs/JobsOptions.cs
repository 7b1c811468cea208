namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>Settings of the background job scheduler (configuration section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this process runs a Quartz scheduler. Every Host does by default: the schedulers form a cluster on the
    /// database, so a trigger fires on exactly one of them however many run.
    /// </summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often a scheduler tells the cluster it is alive; a silent one's firings are taken over.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle scheduler waits before it looks for triggers that other nodes added.</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(30);
}
