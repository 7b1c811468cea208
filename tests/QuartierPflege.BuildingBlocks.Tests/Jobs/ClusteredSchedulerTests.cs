using Microsoft.Extensions.DependencyInjection;
using Quartz;
using QuartierPflege.BuildingBlocks.Tests.OldRelayProbe;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

public sealed class ClusteredSchedulerTests : IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync();
        await ProbeHost.CreateSchemaAsync(_database);
    }

    public Task DisposeAsync() => TestDatabases.DropAsync(_database);

    [Fact]
    public async Task Two_hosts_with_the_scheduler_fire_one_trigger_once()
    {
        await using var first = SchedulerOn(_database);
        await using var second = SchedulerOn(_database);
        var scheduler = await StartClusterAsync(first, second);

        await ChimeSoonAsync(scheduler, "einmal-läuten");

        await WaitUntilChimedAsync(first, 1);
        Assert.Equal(1, await first.ChimesSentAsync());
        Assert.Equal(1, await first.ChimesHandledAsync());
    }

    [Fact]
    public async Task Two_hosts_with_the_scheduler_fire_many_simultaneous_triggers_each_once()
    {
        await using var first = SchedulerOn(_database);
        await using var second = SchedulerOn(_database);
        var scheduler = await StartClusterAsync(first, second);

        var fireAt = scheduler.TimeProvider.GetUtcNow().AddSeconds(2);
        for (var i = 0; i < 20; i++)
        {
            await ChimeSoonAsync(scheduler, $"läuten-{i}", fireAt);
        }

        await WaitUntilChimedAsync(first, 20);
        Assert.Equal(20, await first.ChimesSentAsync());
        Assert.Equal(20, await first.ChimesHandledAsync());
    }

    /// <summary>Starts both Hosts and waits until both schedulers are members of the cluster.</summary>
    private async Task<IScheduler> StartClusterAsync(QpApp first, QpApp second)
    {
        _ = first.Services;
        _ = second.Services;
        await MessageWaiting.WaitUntilAsync(
            async () => await ChimeJob.CountInQuartzAsync(_database, "SELECT count(*) FROM quartz.qrtz_scheduler_state") == 2,
            "both schedulers have checked in to the cluster");
        return await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
    }

    /// <summary>A one-shot trigger a moment ahead: both schedulers see it coming and compete to fire it.</summary>
    private static async Task ChimeSoonAsync(IScheduler scheduler, string name, DateTimeOffset? at = null)
    {
        var once = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(name, "tests")
            .ForJob(ChimeJob.Key)
            .StartAt(at ?? scheduler.TimeProvider.GetUtcNow().AddSeconds(2))
            .Build();
        await scheduler.ScheduleJob(once, new ScheduleJobOptions(), CancellationToken.None);
    }

    /// <summary>
    /// Waits until the chimes were handled and Quartz has nothing left of them (no trigger, no firing in progress): from
    /// then on no further firing can happen, so the counts are final.
    /// </summary>
    private async Task WaitUntilChimedAsync(QpApp app, int expected)
    {
        await MessageWaiting.WaitUntilAsync(
            async () => await app.ChimesHandledAsync() >= expected && await ChimeJob.ChimeIsSettledAsync(_database),
            $"{expected} chime(s) handled and Quartz has finished with the one-shot triggers",
            TimeSpan.FromSeconds(30));
        await app.WaitForMessagesAsync();
    }

    private static QpApp SchedulerOn(string database)
    {
        var app = new SchedulerOnDatabase(database);
        ChimeJob.EnableScheduler(app.Settings);
        return app;
    }

    private sealed class SchedulerOnDatabase(string connectionString) : QpApp(connectionString)
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddProbeModule();
            services.AddChimeJob();
        }
    }
}
