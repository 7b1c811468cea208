using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;
using Xunit.Abstractions;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>
/// A Host as a separate OS process (tests/QuartierPflege.MessagingProbe: the product's MartenSetup and MessagingSetup
/// with the probe module), killed with SIGKILL while it publishes and handles, then started again.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Total = 1000;
    private readonly Stopwatch _watch = new();
    private readonly List<ProbeProcess> _processes = [];
    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await TestDatabases.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        await TestDatabases.DropAsync(_database);
    }

    [Fact]
    public async Task A_Host_killed_mid_burst_handles_every_message_once_after_it_starts_again()
    {
        _watch.Start();
        var crashing = await StartAsync();
        Phase("first Host ready");
        // Warm: the handlers' code is generated at their first message, which would hold up the burst's handling.
        await crashing.PublishAsync("aufwaermen", 1);
        await Eventually.UntilAsync(() => DeliveriesAsync(nameof(SecondProbeHandler), "aufwaermen"), c => c.Deliveries == 1, "the warm-up message");

        // Each message in its own transaction with its record: the request runs until the kill.
        var burst = crashing.PublishAsync("absturz", Total);
        await Eventually.UntilAsync(
            async () => (Committed: await RecordsAsync(), Handled: (await DeliveriesAsync(nameof(FirstProbeHandler))).Deliveries),
            c => c.Committed >= 300 && c.Handled >= 50,
            "the burst to be under way", TimeSpan.FromSeconds(60));
        crashing.Kill();
        Phase("killed");
        await Assert.ThrowsAnyAsync<Exception>(() => burst);

        var committed = await RecordsAsync();
        var handledAtKill = (await DeliveriesAsync(nameof(FirstProbeHandler))).Deliveries;
        Assert.InRange(committed, 300, Total - 1);
        Phase($"{committed} committed, {handledAtKill} handled by the first handler at the kill");

        // Started again (a new node): it takes over what the killed one had not handled, and the rest is published.
        var restarted = await StartAsync();
        Phase("second Host ready");
        await restarted.PublishAsync("absturz", Total);
        Phase("the rest published");

        foreach (var handler in new[] { nameof(FirstProbeHandler), nameof(SecondProbeHandler) })
        {
            await Eventually.UntilAsync(() => DeliveriesAsync(handler), c => c.Deliveries >= Total,
                $"{handler} to see all {Total} messages (killed after {handledAtKill})" + restarted.Output, TimeSpan.FromSeconds(90));
        }

        Phase("all handled");
        await Eventually.UntilAsync(IncomingAsync, n => n == 0, "nothing left to deliver");
        Assert.Equal(Total, await RecordsAsync());
        foreach (var handler in new[] { nameof(FirstProbeHandler), nameof(SecondProbeHandler) })
        {
            var (deliveries, distinct) = await DeliveriesAsync(handler);
            Assert.Equal(Total, distinct);
            Assert.Equal(Total, deliveries);
        }
    }

    private void Phase(string what) => output.WriteLine($"{_watch.Elapsed.TotalSeconds,5:0.0} s  {what}");

    private async Task<ProbeProcess> StartAsync()
    {
        var process = ProbeProcess.Start(_database);
        _processes.Add(process);
        await process.ReadyAsync();
        return process;
    }

    private async Task<(int Deliveries, int Distinct)> DeliveriesAsync(string handler, string prefix = "absturz")
    {
        var row = await QueryAsync(
            $"SELECT count(*), count(DISTINCT data->>'MessageId') FROM {ProbeModule.Schema}.mt_doc_probesighting WHERE handler = $1 AND label LIKE '{prefix}-%'",
            handler);
        return ((int)row[0], (int)row[1]);
    }

    private async Task<int> RecordsAsync()
        => (int)(await QueryAsync($"SELECT count(*), 0::bigint FROM {ProbeModule.Schema}.mt_doc_proberecord WHERE id LIKE 'absturz-%'", null))[0];

    private async Task<int> IncomingAsync()
        => (int)(await QueryAsync(
            "SELECT count(*), 0::bigint FROM wolverine.wolverine_incoming_envelopes WHERE message_type = $1 AND status <> 'Handled'",
            ProbeHappened.MessageName))[0];

    /// <summary>Two counts; zero while the probe's tables do not exist yet (the probe creates them at first use).</summary>
    private async Task<long[]> QueryAsync(string sql, string? parameter)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return [reader.GetInt64(0), reader.GetInt64(1)];
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [0, 0];
        }
    }

    /// <summary>The probe Host as a child process on a free port, with short durability timings so recovery is quick.</summary>
    private sealed class ProbeProcess : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();
        private readonly HttpClient _client;

        private ProbeProcess(Process process, int port)
        {
            _process = process;
            _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        }

        /// <summary>The last lines the process wrote, for a failure message.</summary>
        public string Output => $"{Environment.NewLine}--- probe output ---{Environment.NewLine}{string.Join(Environment.NewLine, _output)}";

        public static ProbeProcess Start(string connectionString)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(DotnetExecutable(), [ProbeAssembly()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["ConnectionStrings__QuartierPflege"] = connectionString;
            start.Environment["Database__CreateSchemaAtStartup"] = "true";
            start.Environment["Messaging__StaleNodeTimeout"] = "00:00:03";
            start.Environment["Messaging__HealthCheckPollingTime"] = "00:00:01";
            start.Environment["Messaging__ScheduledJobPollingTime"] = "00:00:00.500";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("The probe Host did not start.");
            var probe = new ProbeProcess(process, port);
            process.OutputDataReceived += (_, e) => probe.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => probe.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return probe;
        }

        public Task ReadyAsync() => Eventually.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The probe Host exited with {_process.ExitCode}.{Output}");
                }

                try
                {
                    return (await _client.GetAsync("/probe/ready")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            },
            status => status == HttpStatusCode.OK,
            "the probe Host to answer" + Output,
            TimeSpan.FromSeconds(60));

        /// <summary>Publishes <c>prefix-0000</c> … up to <paramref name="count"/>, skipping those already stored.</summary>
        public async Task PublishAsync(string prefix, int count)
        {
            var response = await _client.PostAsync(new Uri($"/probe/publish?prefix={prefix}&count={count}", UriKind.Relative), null);
            response.EnsureSuccessStatusCode();
        }

        /// <summary>SIGKILL: no shutdown, no release of its messages, connections cut.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
            _client.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.TryDequeue(out _);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static string DotnetExecutable()
        {
            var current = Environment.ProcessPath;
            return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }

        /// <summary>The probe's own build output, next to this test project's (same configuration and framework).</summary>
        private static string ProbeAssembly()
        {
            var own = AppContext.BaseDirectory;
            var path = Path.GetFullPath(own.Replace("QuartierPflege.BuildingBlocks.Tests", "QuartierPflege.MessagingProbe", StringComparison.Ordinal));
            var assembly = Path.Combine(path, "QuartierPflege.MessagingProbe.dll");
            return File.Exists(assembly) && File.Exists(Path.Combine(path, "QuartierPflege.MessagingProbe.runtimeconfig.json"))
                ? assembly
                : throw new InvalidOperationException($"The probe Host is not built at {path} (it is a project reference of this test project).");
        }
    }
}
