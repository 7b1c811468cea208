using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// The one Quartz job type: it looks up the product's job by key and runs it in a fresh DI scope. Keeping the work
/// out of Quartz's tables means a deployment changes what a job does without touching the stored schedule.
/// </summary>
internal sealed partial class RunScheduledJob(
    ScheduledJobCatalog catalog,
    IServiceScopeFactory scopes,
    JobRunLog runs,
    IClock clock,
    ILogger<RunScheduledJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var key = context.JobDetail.Key.Name;
        if (catalog.Find(key) is not { } job)
        {
            // Stored by a Host of another version (rolling deployment or a job that was removed): nothing to do here.
            LogUnknownJob(logger, key);
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await job.RunAsync(scope.ServiceProvider, cancellationToken);
        }

        await runs.RecordAsync(key, clock.GetCurrentInstant(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey} fired but no job with that key is registered in this Host")]
    private static partial void LogUnknownJob(ILogger logger, string jobKey);
}
