using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

/// <summary>Two Hosts on one database, each with its own Hangfire server, as two processes would run.</summary>
public sealed class ClusteredJobsTests : IAsyncLifetime
{
    private const int Triggers = 20;

    private string _database = string.Empty;
    private JobsApp? _first;
    private JobsApp? _second;

    private JobsApp First => _first!;

    private JobsApp Second => _second!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync();
        _first = Host(_database);
        await _first.InitializeAsync();
        // The probe documents' table exists before two Hosts could both try to create it at first use.
        await First.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _second = Host(_database);
        await _second.InitializeAsync();
        await Eventually.UntilAsync(() => First.Services.GetRequiredService<JobMonitor>().ActiveServers() == 2, "both Hangfire servers are up");
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        await TestDatabases.DropAsync(_database);
    }

    [Fact]
    public async Task Two_hosts_run_a_recurring_job_that_became_due_20_times_exactly_20_times_not_40()
    {
        for (var i = 0; i < Triggers; i++)
        {
            First.MakeDue(ProbeJobs.Chime);
            await Eventually.UntilAsync(() => First.WasStartedSinceMadeDue(ProbeJobs.Chime), $"a scheduler took trigger {i + 1}");
        }

        await WaitUntilSettledAsync(Triggers);
        var runs = await First.RunsAsync(ProbeJobs.Chime);
        Assert.Equal(Triggers, runs.Count);
        Assert.Equal(Triggers, runs.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Two_hosts_run_20_run_now_triggers_exactly_20_times_not_40()
    {
        // Half of the triggers from each Host, one right after the other: both servers' workers compete for every
        // queued run. (Triggering takes the recurring job's lock, so truly simultaneous clicks queue up behind it.)
        for (var i = 0; i < Triggers; i++)
        {
            Assert.Equal(RunNowResult.Started, (i % 2 == 0 ? First : Second).Services.GetRequiredService<JobMonitor>().RunNow(ProbeJobs.Chime));
        }

        await WaitUntilSettledAsync(Triggers);
        var runs = await First.RunsAsync(ProbeJobs.Chime);
        Assert.Equal(Triggers, runs.Count);
        Assert.Equal(Triggers, runs.Select(r => r.Id).Distinct().Count());
    }

    /// <summary>
    /// Runs of one job wait for each other (the per-key lock); with 20 at once on a busy machine the tests' usual 1 s
    /// wait would make some give up and exhaust their retries, which is not what these tests are about.
    /// </summary>
    private static JobsApp Host(string database)
    {
        var app = JobsApp.OnSharedDatabase(database);
        app.Settings["Jobs:OverlapWaitTimeout"] = "00:00:30";
        return app;
    }

    private async Task WaitUntilSettledAsync(int expected)
        => await Eventually.UntilAsync(
            async () => await First.RunsHandledAsync(ProbeJobs.Chime) >= expected && await First.IsSettledAsync() && await Second.IsSettledAsync(),
            () => $"{expected} runs handled and nothing left to run on either Host; seen: {First.RunsHandledAsync(ProbeJobs.Chime).GetAwaiter().GetResult()} runs, {First.Describe()}",
            TimeSpan.FromSeconds(60));
}
