using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using QuartierPflege.Bench.Messaging;
using QuartierPflege.Bench.Messaging.Handling;
using QuartierPflege.Bench.Messaging.Publishing;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;
using Wolverine;

// bench/messaging: the product's messaging (its own MartenSetup and MessagingSetup: Wolverine, durable local queues,
// Marten outbox) moving events from one module to another, against the same documents written directly, and how
// quickly an idle Host handles a single event. Run through `ops/bench messaging` (Release, private PostgreSQL, fsync on).
//   QP_BENCH_MESSAGES (10000), QP_BENCH_PUBLISHERS (8 concurrent publishers, like concurrent requests),
//   Messaging__ParallelMessagesPerQueue (the product's setting; default from MessagingSettings),
//   cpu_us_per_* lines: CPU time of the Host process and of PostgreSQL per message / raw commit (steadier than rates on a
//   shared machine).
//   QP_BENCH_SWEEP ("5,50": extra throughput runs at these queue parallelisms, printed as sweep_* lines),
//   QP_BENCH_BATCH (100: the handling side takes up to this many events per transaction, Wolverine's batch handling;
//   0: one event per transaction), QP_BENCH_BATCH_WAIT_MS (25: how long a batch waits for more events).
const int LatencySamples = 200;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench messaging.");
var messageCount = IntSetting("QP_BENCH_MESSAGES", 10_000);
var publishers = IntSetting("QP_BENCH_PUBLISHERS", 8);
var sweep = (Environment.GetEnvironmentVariable("QP_BENCH_SWEEP") ?? string.Empty)
    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
var batchSize = IntSetting("QP_BENCH_BATCH", 100);
var batchWait = TimeSpan.FromMilliseconds(IntSetting("QP_BENCH_BATCH_WAIT_MS", 25));
var invariant = CultureInfo.InvariantCulture;

double messaging, raw, rawParallel;
(TimeSpan Process, TimeSpan Database) messagingCpu, rawParallelCpu;
var cpu = await CpuMeter.ForAsync(connectionString);
List<double> latencies;
int parallel;
await using (var app = BuildHost(connectionString, parallelMessages: null, batchSize, batchWait))
{
    await app.StartAsync();
    parallel = app.Services.GetRequiredService<MessagingSettings>().ParallelMessagesPerQueue;
    // Warm-up: generated handler code, prepared statements, the pool; not measured.
    await PublishAndWaitAsync(app.Services, 200, publishers);

    // 1. What the disk allows: the publisher's documents written directly, one transaction each — one writer (the
    //    issue's baseline), and as many writers as there are publishers (PostgreSQL's group commit helps both sides).
    raw = await RawCommitsPerSecondAsync(app.Services, messageCount, writers: 1);
    var before = cpu.Now();
    rawParallel = await RawCommitsPerSecondAsync(app.Services, messageCount, writers: publishers);
    rawParallelCpu = Spent(before, cpu.Now());

    // 2. Messaging: every event is published in its own transaction with its document, travels through the durable
    //    local queue, and is handled in its own transaction that stores a receipt. Timed from the first publish to the
    //    last handler commit.
    before = cpu.Now();
    messaging = await PublishAndWaitAsync(app.Services, messageCount, publishers);
    messagingCpu = Spent(before, cpu.Now());

    // 3. Idle latency: single events while nothing else happens, from the publishing use case (document, outbox, commit) to the
    //    handler's commit.
    latencies = await IdleLatenciesAsync(app.Services, LatencySamples);
    await app.StopAsync();
}

foreach (var n in sweep)
{
    await using var app = BuildHost(connectionString, n, batchSize, batchWait);
    await app.StartAsync();
    await PublishAndWaitAsync(app.Services, 200, publishers);
    var rate = await PublishAndWaitAsync(app.Services, messageCount, publishers);
    Console.WriteLine($"sweep_parallel_{n}_msgs_per_s={rate.ToString("0", invariant)}");
    await app.StopAsync();
}

var ratio = raw / messaging;
var p50 = Percentile(latencies, 0.50);
var p99 = Percentile(latencies, 0.99);
Console.WriteLine($"messages={messageCount} publishers={publishers} parallel_messages_per_queue={parallel} batch_size={batchSize} batch_wait_ms={batchWait.TotalMilliseconds}");
Console.WriteLine($"msgs_per_s={messaging.ToString("0", invariant)}");
Console.WriteLine($"raw_commits_per_s={raw.ToString("0", invariant)}");
Console.WriteLine($"raw_commits_{publishers}_writers_per_s={rawParallel.ToString("0", invariant)}");
Console.WriteLine($"ratio={ratio.ToString("0.00", invariant)}");
Console.WriteLine($"ratio_vs_{publishers}_writers={(rawParallel / messaging).ToString("0.00", invariant)}");
Console.WriteLine($"cpu_us_per_msg_host={PerMessage(messagingCpu.Process)} cpu_us_per_msg_db={PerMessage(messagingCpu.Database)}");
Console.WriteLine($"cpu_us_per_raw_commit_host={PerMessage(rawParallelCpu.Process)} cpu_us_per_raw_commit_db={PerMessage(rawParallelCpu.Database)}");
Console.WriteLine($"idle_latency_p50_ms={p50.ToString("0.0", invariant)}");
Console.WriteLine($"idle_latency_p99_ms={p99.ToString("0.0", invariant)}");

var failures = new List<string>();
if (messaging < 1500)
{
    failures.Add($"messaging {messaging:0} msgs/s < 1500");
}

if (ratio > 2)
{
    failures.Add($"ratio {ratio:0.00} > 2");
}

if (p50 >= 50)
{
    failures.Add($"idle latency p50 {p50:0.0} ms >= 50 ms");
}

Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;

string PerMessage(TimeSpan spent) => (spent.TotalMicroseconds / messageCount).ToString("0", invariant);

static (TimeSpan Process, TimeSpan Database) Spent((TimeSpan Process, TimeSpan Database) before, (TimeSpan Process, TimeSpan Database) after)
    => (after.Process - before.Process, after.Database - before.Database);

static WebApplication BuildHost(string connectionString, int? parallelMessages, int batchSize, TimeSpan batchWait)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Configuration["ConnectionStrings:" + DatabaseRegistration.ConnectionStringName] = connectionString;
    // A fresh database: let Marten and Wolverine create their tables (the product does this with `Host migrate`).
    builder.Configuration["Database:CreateSchemaAtStartup"] = "true";
    if (parallelMessages is { } n)
    {
        builder.Configuration[$"{MessagingSettings.Section}:{nameof(MessagingSettings.ParallelMessagesPerQueue)}"] = n.ToString(CultureInfo.InvariantCulture);
    }

    var services = builder.Services;
    services.AddSingleton<IClock>(SystemClock.Instance);
    services.AddQuartierPflegeDatabase(builder.Configuration);
    services.AddQuartierPflegeDocuments(builder.Configuration);
    builder.AddQuartierPflegeMessaging(typeof(AssignmentReceipts).Assembly);
    services.ConfigureMarten(o =>
    {
        o.Schema.For<Assignment>().DatabaseSchemaName(RecordAssignment.Schema);
        o.Schema.For<AssignmentReceipt>().DatabaseSchemaName(AssignmentReceipts.Schema);
    });
    services.AddScoped<RecordAssignment>();
    services.ConfigureWolverine(o =>
    {
        if (batchSize > 0)
        {
            o.Discovery.IncludeType(typeof(AssignmentReceiptBatches));
            o.BatchMessagesOf<AssignmentRecorded>(b =>
            {
                b.BatchSize = batchSize;
                b.TriggerTime = batchWait;
            }).UseDurableInbox();
        }
        else
        {
            o.Discovery.IncludeType(typeof(AssignmentReceipts));
        }
    });
    return builder.Build();
}

static async Task<double> PublishAndWaitAsync(IServiceProvider services, int count, int publishers)
{
    HandledProbe.Reset();
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => Task.Run(async () =>
    {
        int number;
        while ((number = Interlocked.Increment(ref next)) < count)
        {
            // One scope per event, as one request would have.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecordAssignment>().HandleAsync(number, Guid.CreateVersion7(), CancellationToken.None);
        }
    })));

    var timeout = Stopwatch.StartNew();
    while (HandledProbe.Handled < count)
    {
        if (timeout.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"Only {HandledProbe.Handled} of {count} events were handled within 5 minutes.");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(1));
    }

    watch.Stop();
    return count / watch.Elapsed.TotalSeconds;
}

static async Task<double> RawCommitsPerSecondAsync(IServiceProvider services, int count, int writers)
{
    var store = services.GetRequiredService<IDocumentStore>();
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
    {
        int number;
        while ((number = Interlocked.Increment(ref next)) < count)
        {
            await using var session = store.LightweightSession();
            session.Store(new Assignment { Id = Guid.CreateVersion7(), Number = number, Text = $"Einsatz {number}", RecordedAt = SystemClock.Instance.GetCurrentInstant() });
            await session.SaveChangesAsync();
        }
    })));
    return count / watch.Elapsed.TotalSeconds;
}

static async Task<List<double>> IdleLatenciesAsync(IServiceProvider services, int samples)
{
    var latencies = new List<double>(samples);
    for (var i = 0; i < samples; i++)
    {
        // Let the queue go idle between events, as between real requests.
        await Task.Delay(TimeSpan.FromMilliseconds(15));
        var assignmentId = Guid.CreateVersion7();
        var handled = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        HandledProbe.Waiting[assignmentId] = handled;
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.GetTimestamp();
        await scope.ServiceProvider.GetRequiredService<RecordAssignment>().HandleAsync(-i, assignmentId, CancellationToken.None);
        var handledAt = await handled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        latencies.Add(Stopwatch.GetElapsedTime(started, handledAt).TotalMilliseconds);
        HandledProbe.Waiting.TryRemove(assignmentId, out _);
    }

    return latencies;
}

static int IntSetting(string name, int fallback)
    => int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

static double Percentile(List<double> values, double fraction)
{
    var sorted = values.Order().ToList();
    var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
}
