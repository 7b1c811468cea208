using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace QuartierPflege.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (fsync off, in a temp folder, on a free port), or the server in
/// <c>QP_TEST_POSTGRES</c> when that is set. Started on first use, stopped and deleted when the process exits.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>Connection string of the server's maintenance database (<c>postgres</c>).</summary>
    public static Task<string> AdminConnectionStringAsync() => Server.Value;

    public static async Task<string> ConnectionStringForAsync(string database)
        => new NpgsqlConnectionStringBuilder(await Server.Value) { Database = database }.ConnectionString;

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("QP_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new NpgsqlConnectionStringBuilder(external) { Database = "postgres" }.ConnectionString;
        }

        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No PostgreSQL server found under /usr/lib/postgresql. Run ops/test (it installs one) or set QP_TEST_POSTGRES.");

        var dir = Path.Combine(Path.GetTempPath(), $"qp-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", dir]);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"),
            ["-D", Path.Combine(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot);
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={dir} -c fsync=off " +
                      "-c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=128MB";
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop"], asRoot)
                .GetAwaiter().GetResult();
            Directory.Delete(dir, recursive: true);
        };

        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgresUser = false)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
