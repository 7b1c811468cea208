using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

public sealed class BerlinScheduleTests
{
    private static readonly TimeProvider StartOf2026 = new ClockTimeProvider(new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

    [Fact]
    public void A_daily_07_00_trigger_fires_at_06_00_UTC_in_winter_and_05_00_UTC_in_summer()
    {
        var trigger = BerlinSchedule.CronTrigger(Job("0 0 7 * * ?"), StartOf2026);

        Assert.Equal(Utc(2026, 1, 15, 6), trigger.GetFireTimeAfter(Utc(2026, 1, 15, 0)));
        Assert.Equal(Utc(2026, 7, 15, 5), trigger.GetFireTimeAfter(Utc(2026, 7, 15, 0)));
    }

    [Fact]
    public void On_the_morning_summer_time_starts_a_daily_07_00_trigger_still_fires_at_07_00_in_Berlin()
    {
        var trigger = BerlinSchedule.CronTrigger(Job("0 0 7 * * ?"), StartOf2026);

        // 29 March 2026: the clocks go from 02:00 to 03:00; the day before is still winter time.
        Assert.Equal(Utc(2026, 3, 28, 6), trigger.GetFireTimeAfter(Utc(2026, 3, 28, 0)));
        Assert.Equal(Utc(2026, 3, 29, 5), trigger.GetFireTimeAfter(Utc(2026, 3, 28, 6)));
    }

    [Fact]
    public void A_monthly_trigger_on_the_1st_at_02_00_fires_at_02_00_Berlin_time()
    {
        var trigger = BerlinSchedule.CronTrigger(Job("0 0 2 1 * ?"), StartOf2026);

        Assert.Equal(Utc(2026, 4, 1, 0), trigger.GetFireTimeAfter(Utc(2026, 3, 15, 0)));
        Assert.Equal(Utc(2026, 11, 1, 1), trigger.GetFireTimeAfter(Utc(2026, 10, 15, 0)));
    }

    [Fact]
    public void A_schedule_that_is_not_a_Quartz_cron_expression_is_refused_at_registration()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddScheduledJob("test.wrong", "jeden Morgen", "Falsch", (_, _) => Task.CompletedTask));

        Assert.Contains("jeden Morgen", error.Message, StringComparison.Ordinal);
    }

    private static ScheduledJob Job(string cron) => new("test.job", cron, "Testaufgabe", (_, _) => Task.CompletedTask);

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
