using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace QuartierPflege.Bench.Messaging;

/// <summary>
/// CPU time spent by this process and by the benchmark's PostgreSQL (its postmaster and backends, read from /proc).
/// On a machine shared with builds the wall-clock figures swing; CPU per message moves much less, so it shows whether a
/// setting made the work cheaper.
/// </summary>
internal sealed class CpuMeter
{
    private readonly int _postmaster;

    private CpuMeter(int postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter> ForAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_backend_pid()", connection);
        var backend = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return new CpuMeter(ParentOf(backend));
    }

    public (TimeSpan Process, TimeSpan Database) Now()
    {
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        return (process, DatabaseTime());
    }

    private TimeSpan DatabaseTime()
    {
        if (_postmaster <= 0)
        {
            return TimeSpan.Zero;
        }

        // The postmaster's own time plus what its ended children left it (cutime, cstime), plus the live backends'.
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var fields = StatFields(pid);
            if (fields is null)
            {
                continue;
            }

            if (pid == _postmaster)
            {
                ticks += fields[11] + fields[12] + fields[13] + fields[14];
            }
            else if (fields[1] == _postmaster)
            {
                ticks += fields[11] + fields[12];
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static int ParentOf(int pid) => StatFields(pid) is { } fields ? (int)fields[1] : 0;

    // Fields of /proc/<pid>/stat after the command name, numbered from the state (index 0): ppid is 1, utime 11, stime 12,
    // cutime 13, cstime 14.
    private static long[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return [.. rest.Take(15).Select(f => long.TryParse(f, CultureInfo.InvariantCulture, out var v) ? v : 0)];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
