using Microsoft.EntityFrameworkCore;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

public sealed class RelayCrashTests : IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync();
        await ProbeHost.CreateSchemaAsync(_database);
    }

    public Task DisposeAsync() => TestDatabases.DropAsync(_database);

    [Fact]
    public async Task A_message_committed_while_no_relay_runs_is_delivered_after_a_Host_starts_again()
    {
        await using (var crashed = ProbeOn(_database, relay: false))
        {
            await crashed.PublishAsync("vor-dem-absturz");
            Assert.Equal(1, await crashed.ProbeAsync(db => db.Outbox.CountAsync(o => o.ProcessedAt == null)));
            Assert.Equal(0, await crashed.SightingsAsync(nameof(FirstProbeHandler)));
        }

        await using var restarted = ProbeOn(_database, relay: true);
        await restarted.WaitForMessagesAsync();

        Assert.Equal(1, await restarted.SightingsAsync(nameof(FirstProbeHandler), "vor-dem-absturz"));
        Assert.Equal(1, await restarted.SightingsAsync(nameof(SecondProbeHandler), "vor-dem-absturz"));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_deliver_every_message_exactly_once_to_every_handler()
    {
        await using var first = ProbeOn(_database, relay: true);
        await using var second = ProbeOn(_database, relay: true);
        // Both relays must be running before the messages arrive, so that they compete for them.
        _ = first.Services;
        _ = second.Services;

        for (var batch = 0; batch < 10; batch++)
        {
            var publisher = batch % 2 == 0 ? first : second;
            await publisher.PublishAsync([.. Enumerable.Range(0, 100).Select(i => $"paar-{batch}-{i}")]);
        }

        await first.WaitForMessagesAsync(TimeSpan.FromSeconds(60));

        foreach (var handler in new[] { nameof(FirstProbeHandler), nameof(SecondProbeHandler) })
        {
            var sightings = await first.ProbeAsync(db => db.Sightings.Where(s => s.Handler == handler && s.Label.StartsWith("paar-"))
                .Select(s => s.MessageId).ToListAsync());
            Assert.Equal(1000, sightings.Count);
            Assert.Equal(1000, sightings.Distinct().Count());
        }
    }

    private static QpApp ProbeOn(string database, bool relay)
    {
        var app = new ProbeOnDatabase(database);
        app.Settings["Messaging:RelayEnabled"] = relay ? "true" : "false";
        return app;
    }

    private sealed class ProbeOnDatabase(string connectionString) : QpApp(connectionString)
    {
        protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
            => services.AddProbeModule();
    }
}
