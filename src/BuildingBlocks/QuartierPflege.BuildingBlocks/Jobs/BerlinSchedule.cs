using Quartz;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>How a <see cref="ScheduledJob"/> becomes a Quartz job and its cron trigger.</summary>
internal static class BerlinSchedule
{
    /// <summary>Cron times are wall-clock times in Saxony, so "07:00" stays 07:00 across the change to summer time.</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static JobKey JobKeyOf(string key) => new(key);

    public static TriggerKey CronTriggerKeyOf(string key) => new($"{key}.zeitplan");

    public static IJobDetail Job(ScheduledJob job) => JobBuilder.Create<RunScheduledJob>()
        .WithIdentity(JobKeyOf(job.Key))
        .WithDescription(job.Description)
        .StoreDurably()
        // A node that dies mid-run leaves the firing to another node; the command handlers are idempotent.
        .RequestRecovery()
        .Build();

    public static ITrigger CronTrigger(ScheduledJob job, TimeProvider time) => TriggerBuilder.Create(time)
        .WithIdentity(CronTriggerKeyOf(job.Key))
        .ForJob(JobKeyOf(job.Key))
        .WithDescription(job.Description)
        // If every Host was down at the scheduled time, the job runs once when the first one is back.
        .WithSchedule(CronScheduleBuilder.Create(job.Cron).InTimeZone(TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    /// <summary>Whether the trigger already stored is the one <paramref name="job"/> asks for (then it keeps its history).</summary>
    public static bool IsUpToDate(ScheduledJob job, IJobDetail? stored, ITrigger? storedTrigger)
        => stored is not null && stored.Description == job.Description && stored.RequestsRecovery
           && storedTrigger is ICronTrigger cron && cron.CronExpressionString == job.Cron && cron.TimeZone.Id == TimeZone.Id;
}
