using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Testing;
using Wolverine;
using Wolverine.Runtime;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

// Scheduled commands that exist only in these tests. Each run of a probe job builds a ProbeRan with a new id; its
// Wolverine handler stores one document per id, so the documents count the runs, however often a message is delivered.

public sealed record ProbeRan(Guid RunId, string JobKey, LocalDate Day);

public sealed class ProbeRun
{
    public Guid Id { get; set; }

    public string JobKey { get; set; } = string.Empty;

    public LocalDate Day { get; set; }
}

public static class ProbeRanHandler
{
    public static void Handle(ProbeRan command, IDocumentSession session)
        => session.Store(new ProbeRun { Id = command.RunId, JobKey = command.JobKey, Day = command.Day });
}

/// <summary>What the probe jobs do when they build their command: count, fail on purpose, or hold until released.</summary>
public sealed class ProbeControls
{
    private int _running;
    private int _maxRunning;
    private int _flakyAttempts;
    private int _slowEntered;

    /// <summary>Holds a run of <see cref="ProbeJobs.Slow"/> while it is being built, until the test opens it.</summary>
    public ManualResetEventSlim SlowGate { get; } = new(initialState: true);

    public int MaxRunningSlow => Volatile.Read(ref _maxRunning);

    public int SlowEntered => Volatile.Read(ref _slowEntered);

    public int FlakyAttempts => Volatile.Read(ref _flakyAttempts);

    internal ProbeRan Chime(IClock clock) => new(Guid.NewGuid(), ProbeJobs.Chime, clock.Today());

    /// <summary>The first attempt fails, as a run would while the database restarts; later attempts succeed.</summary>
    internal ProbeRan Flaky(IClock clock) => Interlocked.Increment(ref _flakyAttempts) == 1
        ? throw new InvalidOperationException("Probe: der erste Versuch schlägt fehl.")
        : new ProbeRan(Guid.NewGuid(), ProbeJobs.Flaky, clock.Today());

    internal static ProbeRan Broken(IClock clock) => throw new InvalidOperationException("Probe: schlägt immer fehl.");

    internal ProbeRan Slow(IClock clock)
    {
        Interlocked.Increment(ref _slowEntered);
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        try
        {
            if (!SlowGate.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("The test never released the slow probe job.");
            }

            return new ProbeRan(Guid.NewGuid(), ProbeJobs.Slow, clock.Today());
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

public static class ProbeJobs
{
    public const string Chime = "probe.chime";

    public const string Flaky = "probe.flaky";

    public const string Broken = "probe.broken";

    public const string Slow = "probe.slow";

    /// <summary>29 February, 03:00: not due while tests run (next in 2028), so only the tests' own triggers run the probes.</summary>
    public const string RarelyDue = "0 3 29 2 *";

    private static readonly DateTime BeforeLastLeapDay = new(2024, 2, 28, 0, 0, 0, DateTimeKind.Utc);

    public static void AddProbeJobs(this IServiceCollection services, ProbeControls controls)
    {
        services.ConfigureMarten(o => o.Schema.For<ProbeRun>().DatabaseSchemaName("probe_jobs"));
        services.ConfigureWolverine(o => o.Discovery.IncludeType(typeof(ProbeRanHandler)));
        services.AddScheduledCommand(Chime, RarelyDue, "Probe läuten", controls.Chime);
        services.AddScheduledCommand(Flaky, RarelyDue, "Probe mit Aussetzer", controls.Flaky);
        services.AddScheduledCommand(Broken, RarelyDue, "Probe, die immer scheitert", ProbeControls.Broken);
        services.AddScheduledCommand(Slow, RarelyDue, "Probe, die sich Zeit lässt", controls.Slow);
    }

    /// <summary>Switches the Hangfire server on, with short polling and retries so that tests need not wait long.</summary>
    public static void EnableServer(IDictionary<string, string?> settings)
    {
        settings["Jobs:ServerEnabled"] = "true";
        settings["Jobs:WorkerCount"] = "4";
        settings["Jobs:SchedulePollingInterval"] = "00:00:00.200";
        settings["Jobs:QueuePollInterval"] = "00:00:00.200";
        settings["Jobs:RetryAttempts"] = "3";
        settings["Jobs:RetryDelays:0"] = "00:00:00";
        settings["Jobs:OverlapWaitTimeout"] = "00:00:01";
    }

    public static async Task<int> RunsHandledAsync(this QpApp app, string key)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<ProbeRun>().CountAsync(r => r.JobKey == key);
    }

    public static async Task<IReadOnlyList<ProbeRun>> RunsAsync(this QpApp app, string key)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<ProbeRun>().Where(r => r.JobKey == key).ToListAsync();
    }

    public static RecurringJobDto RecurringJob(this QpApp app, string key)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([key]).Single();
    }

    /// <summary>
    /// Makes the recurring job due now, as if its time had come while every server was polling: its last execution is
    /// set before the last 29 February, and it moves to the front of Hangfire's schedule. Each server's scheduler then
    /// competes to start it (Hangfire's public storage API; the same fields the scheduler itself writes).
    /// </summary>
    public static void MakeDue(this QpApp app, string key)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash($"recurring-job:{key}", [new("LastExecution", JobHelper.SerializeDateTime(BeforeLastLeapDay))]);
        transaction.AddToSet("recurring-jobs", key, JobHelper.ToTimestamp(DateTime.UtcNow.AddSeconds(-1)));
        transaction.Commit();
    }

    /// <summary>Whether a scheduler has taken the due job (its last execution is after the one <see cref="MakeDue"/> set).</summary>
    public static bool WasStartedSinceMadeDue(this QpApp app, string key)
        => app.RecurringJob(key).LastExecution > BeforeLastLeapDay;

    /// <summary>Every state the job went through with its reason, newest first (e.g. "Enqueued: Retry attempt 1 of 3: …").</summary>
    public static IReadOnlyList<string> HistoryOf(this QpApp app, string jobId)
        => [.. app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Select(h => $"{h.StateName}: {h.Reason}")];

    /// <summary>Hangfire's and Wolverine's counts, for a readable failure.</summary>
    public static string Describe(this QpApp app)
    {
        var s = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        var counts = app.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.FetchCountsAsync().GetAwaiter().GetResult();
        return $"Hangfire enqueued={s.Enqueued} processing={s.Processing} scheduled={s.Scheduled} failed={s.Failed} succeeded={s.Succeeded} servers={s.Servers}; " +
               $"Wolverine incoming={counts.Incoming} scheduled={counts.Scheduled} handled={counts.Handled} dead={counts.DeadLetter}";
    }

    /// <summary>
    /// Nothing left to run: no Hangfire job queued, running or waiting for a retry, and no Wolverine message waiting
    /// in the durable inbox. From then on no further run can happen, so counts are final.
    /// </summary>
    public static async Task<bool> IsSettledAsync(this QpApp app)
    {
        var statistics = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        if (statistics.Enqueued + statistics.Processing + statistics.Scheduled > 0)
        {
            return false;
        }

        var counts = await app.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.FetchCountsAsync();
        return counts.Incoming == 0 && counts.Scheduled == 0;
    }
}

/// <summary>Waiting for a condition with a timeout and a readable failure (never a fixed sleep).</summary>
public static class Eventually
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
        => UntilAsync(condition, () => what, timeout);

    /// <summary>As above; <paramref name="describe"/> says what was awaited and what was seen instead, when it fails.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> describe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {describe()}");
            }

            await Task.Delay(PollEvery);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
        => UntilAsync(() => Task.FromResult(condition()), what, timeout);
}

/// <summary>A Host with the probe jobs and a Hangfire server with short polling, on a fresh database (or a given one).</summary>
public class JobsApp : QpApp
{
    public JobsApp()
        : this(null)
    {
    }

    protected JobsApp(string? connectionString)
        : base(connectionString) => ProbeJobs.EnableServer(Settings);

    public ProbeControls Controls { get; } = new();

    /// <summary>A second (third …) Host on a shared database, as another process would be.</summary>
    public static new JobsApp OnSharedDatabase(string connectionString) => new(connectionString);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddProbeJobs(Controls);
    }
}
