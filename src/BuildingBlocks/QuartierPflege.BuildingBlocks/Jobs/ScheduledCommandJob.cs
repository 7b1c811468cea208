using Microsoft.Extensions.Logging;
using NodaTime;
using Wolverine;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// The one Hangfire job type: a run builds the command of the job with <paramref name="key"/> from the clock and sends
/// it to its durable local queue. The command's handler does the work, idempotently for its day or month, so a run
/// repeated after a crash or a retry changes nothing. Retries and the lock against overlapping runs of one key are
/// Hangfire filters (<see cref="ScheduledJobFilters"/>).
/// </summary>
internal sealed partial class ScheduledCommandJob(
    ScheduledJobCatalog catalog,
    IMessageBus bus,
    IClock clock,
    ILogger<ScheduledCommandJob> logger)
{
    public async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        if (catalog.Find(key) is not { } job)
        {
            // Stored by a Host of another version (rolling deployment, or a job that was removed): nothing to do here.
            LogUnknownJob(logger, key);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var command = job.CreateCommand(clock);
        await bus.SendAsync(command);
        LogSent(logger, key, job.CommandType.Name);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey} ran but no job with that key is registered in this Host")]
    private static partial void LogUnknownJob(ILogger logger, string jobKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey} sent {Command}")]
    private static partial void LogSent(ILogger logger, string jobKey, string command);
}
