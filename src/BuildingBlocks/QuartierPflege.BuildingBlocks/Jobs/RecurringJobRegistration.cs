using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// Brings the recurring jobs in Hangfire's storage in line with the jobs this Host's code registers, at start-up.
/// A hosted service rather than code between <c>Build()</c> and <c>Run()</c>, which also runs for the CLI verbs
/// (<c>migrate</c> must work on a database that has no Hangfire tables yet). <c>AddOrUpdate</c> keeps a job's last and
/// next execution when its schedule is unchanged, so a run missed while every Host was down still happens once.
/// </summary>
internal sealed partial class RecurringJobRegistration(
    ScheduledJobCatalog catalog,
    IRecurringJobManagerV2 recurringJobs,
    ILogger<RecurringJobRegistration> logger) : IHostedService
{
    /// <summary>Cron times are wall-clock times in Saxony, so "07:00" stays 07:00 across the change to summer time.</summary>
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in catalog.Jobs)
        {
            var key = job.Key;
            recurringJobs.AddOrUpdate<ScheduledCommandJob>(
                key,
                run => run.RunAsync(key, CancellationToken.None),
                job.Cron,
                new RecurringJobOptions { TimeZone = Berlin });
            LogScheduled(logger, key, job.Cron);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobKey} with cron '{Cron}' (Europe/Berlin)")]
    private static partial void LogScheduled(ILogger logger, string jobKey, string cron);
}
