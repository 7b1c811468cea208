using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// Hangfire's filters for this Host: its global ones, plus for <see cref="ScheduledCommandJob"/> a retry policy and a
/// distributed lock per job key from <see cref="JobsOptions"/>. Registered in DI rather than as attributes (whose
/// values are fixed at compile time) or in Hangfire's static <c>GlobalJobFilters</c> (shared by every Host of a process).
/// </summary>
internal sealed class ScheduledJobFilters : IJobFilterProvider
{
    /// <summary>The lock's resource per key: "Jetzt ausführen" waits for the scheduled run of the same job, not of others.</summary>
    public const string LockResourceFormat = "quartierpflege-job:{0}";

    private readonly IJobFilterProvider _all;

    public ScheduledJobFilters(IOptions<JobsOptions> options)
    {
        var settings = options.Value;
        _all = new JobFilterProviderCollection(JobFilterProviders.Providers, new OwnFilters(
        [
            new AutomaticRetryAttribute
            {
                Attempts = settings.RetryAttempts,
                DelaysInSeconds = settings.RetryDelaysInSeconds(),
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            },
            new DisableConcurrentExecutionAttribute(LockResourceFormat, (int)Math.Ceiling(settings.OverlapWaitTimeout.TotalSeconds)),
        ]));
    }

    public IEnumerable<JobFilter> GetFilters(Job job) => _all.GetFilters(job);

    private sealed class OwnFilters(IReadOnlyList<JobFilterAttribute> filters) : IJobFilterProvider
    {
        // Method scope outranks Hangfire's global AutomaticRetry (10 attempts), which would otherwise apply as well.
        public IEnumerable<JobFilter> GetFilters(Job job) => job?.Type == typeof(ScheduledCommandJob)
            ? filters.Select(f => new JobFilter(f, JobFilterScope.Method, null))
            : [];
    }
}
