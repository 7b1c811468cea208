using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;
using Wolverine;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>Two Hosts on one database, coordinating as production Hosts do (Wolverine's Balanced mode).</summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private static readonly TimeSpan ColdStart = TimeSpan.FromSeconds(120);

    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await TestDatabases.CreateAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_database);

    [Fact]
    public async Task Two_Hosts_on_one_database_deliver_each_of_1000_messages_exactly_once_to_each_handler()
    {
        await using var first = new BalancedProbeApp(_database);
        // The first Host creates the probe's tables before the second one starts. A cold handler (its code generated at
        // the first message) took over 30 s here while the other test classes ran beside it: warm-ups may take longer.
        await first.TrackAsync(() => first.PublishHappenedAsync("aufwaermen"), ColdStart);
        await using var second = new BalancedProbeApp(_database);
        await second.TrackAsync(() => second.PublishHappenedAsync("aufwaermen-2"), ColdStart);

        var publishing = Enumerable.Range(0, 10).Select(batch =>
            (batch % 2 == 0 ? first : second).PublishHappenedAsync([.. Enumerable.Range(0, 100).Select(i => $"paar-{batch:D2}-{i:D3}")]));
        await Task.WhenAll(publishing);

        foreach (var handler in new[] { nameof(FirstProbeHandler), nameof(SecondProbeHandler) })
        {
            await Eventually.UntilAsync(() => first.DeliveriesAsync(handler, "paar-"), n => n >= 1000, $"{handler} to see 1,000 messages", ColdStart);
        }

        await Eventually.UntilAsync(() => first.StoredEnvelopesAsync(ProbeHappened.MessageName, "Incoming"), n => n == 0, "nothing left to deliver");
        foreach (var handler in new[] { nameof(FirstProbeHandler), nameof(SecondProbeHandler) })
        {
            var (deliveries, distinct) = await first.SightingsAsync(handler, "paar-");
            Assert.Equal(1000, distinct);
            Assert.Equal(1000, deliveries);
        }
    }

    private sealed class BalancedProbeApp : ProbeApp
    {
        public BalancedProbeApp(string connectionString)
            : base(connectionString)
        {
            WolverineMode = DurabilityMode.Balanced;
            Settings["Messaging:StaleNodeTimeout"] = "00:00:05";
            Settings["Messaging:HealthCheckPollingTime"] = "00:00:01";
        }
    }
}
