using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;
using QuartierPflege.Bench.Messaging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;

// bench/messaging: how fast the relay moves messages compared with writing the same rows directly, and how quickly
// an idle relay reacts to a new message. Run through `ops/bench messaging` (Release, private PostgreSQL, fsync on).
const int MessageCount = 10_000;
const int LatencySamples = 200;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench messaging.");
var invariant = CultureInfo.InvariantCulture;

await PrepareSchemaAsync(connectionString);

// 1. The baseline: the same 10,000 rows inserted directly, one INSERT and commit per row — the same durability a
//    message gets when it is delivered on its own.
var raw = await RawInsertsPerSecondAsync(connectionString, MessageCount);

// 2. The relay: 10,000 messages committed to the outbox while no relay runs, then one relay delivers them all.
await PublishAsync(connectionString, MessageCount);
var relayWatch = Stopwatch.StartNew();
using (var host = BuildHost(connectionString))
{
    await host.StartAsync();
    await WaitUntilDeliveredAsync(connectionString, MessageCount);
    relayWatch.Stop();

    // 3. Idle latency: single messages, each published on its own while the relay waits on LISTEN.
    var latencies = await IdleLatenciesAsync(host.Services, LatencySamples);
    await host.StopAsync();

    var relay = MessageCount / relayWatch.Elapsed.TotalSeconds;
    var ratio = raw / relay;
    var p50 = Percentile(latencies, 0.50);
    var p99 = Percentile(latencies, 0.99);
    Console.WriteLine($"relay_msgs_per_s={relay.ToString("0", invariant)}");
    Console.WriteLine($"raw_inserts_per_s={raw.ToString("0", invariant)}");
    Console.WriteLine($"ratio={ratio.ToString("0.00", invariant)}");
    Console.WriteLine($"idle_latency_p50_ms={p50.ToString("0.0", invariant)}");
    Console.WriteLine($"idle_latency_p99_ms={p99.ToString("0.0", invariant)}");

    var failures = new List<string>();
    if (relay < 2000)
    {
        failures.Add($"relay {relay:0} msgs/s < 2000");
    }

    if (ratio > 5)
    {
        failures.Add($"ratio {ratio:0.00} > 5");
    }

    if (p50 >= 50)
    {
        failures.Add($"idle latency p50 {p50:0.0} ms >= 50 ms");
    }

    Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
    return failures.Count == 0 ? 0 : 1;
}

static IHost BuildHost(string connectionString)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:QuartierPflege"] = connectionString,
        ["Messaging:PollInterval"] = "00:00:05",
    });
    builder.Services.AddSingleton<IClock>(SystemClock.Instance);
    builder.Services.AddQuartierPflegeDatabase(builder.Configuration);
    builder.Services.AddModuleDbContext<BenchDbContext>(BenchDbContext.SchemaName);
    builder.Services.AddMessaging(builder.Configuration);
    builder.Services.AddMessageHandler<BenchMessage, BenchHandler, BenchDbContext>();
    return builder.Build();
}

static async Task PrepareSchemaAsync(string connectionString)
{
    await using var db = NewContext(connectionString);
    var script = db.Database.GenerateCreateScript();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(
        $"""
         DROP SCHEMA IF EXISTS {BenchDbContext.SchemaName} CASCADE;
         CREATE SCHEMA {BenchDbContext.SchemaName};
         {script}
         {MessagingModel.NotifyTriggerSql(BenchDbContext.SchemaName)}
         CREATE TABLE {BenchDbContext.SchemaName}.raw_rows (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message_id uuid NOT NULL, number integer NOT NULL, text text NOT NULL);
         """,
        connection);
    await command.ExecuteNonQueryAsync();
}

static BenchDbContext NewContext(string connectionString)
    => new(new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(connectionString).Options, SystemClock.Instance);

static async Task<double> RawInsertsPerSecondAsync(string connectionString, int count)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var insert = new NpgsqlCommand(
        $"INSERT INTO {BenchDbContext.SchemaName}.raw_rows (message_id, number, text) VALUES (@id, @number, @text)", connection);
    var id = insert.Parameters.Add("id", NpgsqlTypes.NpgsqlDbType.Uuid);
    var number = insert.Parameters.Add("number", NpgsqlTypes.NpgsqlDbType.Integer);
    var text = insert.Parameters.Add("text", NpgsqlTypes.NpgsqlDbType.Text);
    await insert.PrepareAsync();
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        id.Value = Guid.CreateVersion7();
        number.Value = i;
        text.Value = $"Einsatz {i}";
        await insert.ExecuteNonQueryAsync();
    }

    return count / watch.Elapsed.TotalSeconds;
}

static async Task PublishAsync(string connectionString, int count)
{
    for (var start = 0; start < count; start += 1000)
    {
        await using var db = NewContext(connectionString);
        for (var i = start; i < Math.Min(count, start + 1000); i++)
        {
            db.Publish(new BenchMessage(Guid.CreateVersion7(), default, i, $"Einsatz {i}"));
        }

        await db.SaveChangesAsync();
    }
}

static async Task WaitUntilDeliveredAsync(string connectionString, int count)
{
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    var timeout = Stopwatch.StartNew();
    while (true)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {BenchDbContext.SchemaName}.rows");
        if ((long)(await command.ExecuteScalarAsync())! >= count)
        {
            return;
        }

        if (timeout.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException("The relay did not deliver all messages within 5 minutes.");
        }

        await Task.Delay(TimeSpan.FromMilliseconds(5));
    }
}

static async Task<List<double>> IdleLatenciesAsync(IServiceProvider services, int samples)
{
    var latencies = new List<double>(samples);
    for (var i = 0; i < samples; i++)
    {
        // Let the relay go back to waiting on LISTEN, as it would between real requests.
        await Task.Delay(TimeSpan.FromMilliseconds(15));
        var messageId = Guid.CreateVersion7();
        var delivered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        BenchHandler.Waiting[messageId] = delivered;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        db.Publish(new BenchMessage(messageId, default, -i, "Latenz"));
        // Measured from the moment the publisher starts to commit: the relay may see the row before SaveChanges returns.
        var committed = Stopwatch.GetTimestamp();
        await db.SaveChangesAsync();
        var handledAt = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        latencies.Add(Stopwatch.GetElapsedTime(committed, handledAt).TotalMilliseconds);
        BenchHandler.Waiting.TryRemove(messageId, out _);
    }

    return latencies;
}

static double Percentile(List<double> values, double fraction)
{
    var sorted = values.Order().ToList();
    var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
}
