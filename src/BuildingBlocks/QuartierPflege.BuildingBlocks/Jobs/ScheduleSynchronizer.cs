using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// Brings the stored schedule in line with the jobs this Host's code registers, at start-up. A job whose schedule is
/// unchanged is left alone, so it keeps its next fire time (and a run missed while every Host was down still happens).
/// Done here rather than in <c>AddQuartz</c> because modules (and tests) register jobs after the Host configured Quartz.
/// </summary>
internal sealed partial class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    ScheduledJobCatalog catalog,
    ILogger<ScheduleSynchronizer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Creating the scheduler also provisions Quartz's tables in the schema the migration made.
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in catalog.Jobs)
        {
            var stored = await scheduler.GetJobDetail(BerlinSchedule.JobKeyOf(job.Key), cancellationToken);
            var storedTrigger = await scheduler.GetTrigger(BerlinSchedule.CronTriggerKeyOf(job.Key), cancellationToken);
            if (BerlinSchedule.IsUpToDate(job, stored, storedTrigger))
            {
                continue;
            }

            await scheduler.ScheduleJob(
                BerlinSchedule.Job(job),
                [BerlinSchedule.CronTrigger(job, scheduler.TimeProvider)],
                new ScheduleJobOptions { Replace = true },
                cancellationToken);
            LogScheduled(logger, job.Key, job.Cron);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {JobKey} with cron '{Cron}' (Europe/Berlin)")]
    private static partial void LogScheduled(ILogger logger, string jobKey, string cron);
}
