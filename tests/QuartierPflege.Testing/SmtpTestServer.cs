using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuartierPflege.Testing;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd (package python3-aiosmtpd, which ops/test installs) on a free port,
/// storing every message it accepts as a file in a Maildir. Stop and start it again (same port) to play an outage.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>Debian's interpreter: a python3 earlier on PATH (pyenv, venv) may not see Debian's modules.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _directory = Directory.CreateTempSubdirectory("qp-test-smtp-").FullName;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Host => "127.0.0.1";

    public int Port { get; } = FreePort();

    public bool IsRunning => _process is { HasExited: false };

    private string Maildir => Path.Combine(_directory, "Maildir");

    /// <summary>The settings that make a QuartierPflege Host send its mail here (plain SMTP, no login).</summary>
    public void AddHostSettings(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Mail:Transport"] = "Smtp";
        settings["Mail:Smtp:Host"] = Host;
        settings["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Smtp:Security"] = "None";
        settings["Mail:Smtp:Timeout"] = "00:00:10";
    }

    /// <summary>Starts the server and returns once it accepts connections; fails (never skips) when it cannot run.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                $"The SMTP test server needs {Python} with aiosmtpd: run ops/test (it installs python3-aiosmtpd) or apt-get install python3-aiosmtpd.");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            start.ArgumentList.Add(argument);
        }

        lock (_output)
        {
            _output.Clear();
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        try
        {
            await Eventually.UntilAsync(
                async () => process.HasExited || await AcceptsConnectionsAsync(), $"the SMTP test server on port {Port}", StartTimeout);
        }
        catch (TimeoutException)
        {
            // Reported below with the server's output.
        }

        if (process.HasExited || !await AcceptsConnectionsAsync())
        {
            await StopAsync();
            throw new InvalidOperationException(
                $"The SMTP test server (aiosmtpd on port {Port}) did not start. Is python3-aiosmtpd installed (ops/test installs it)? " +
                $"Its output:\n{Output()}");
        }
    }

    /// <summary>Stops the server at once, as a crash would; what it has received stays readable.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            var incoming = Path.Combine(Maildir, "new");
            return Directory.Exists(incoming)
                ? [.. new DirectoryInfo(incoming).EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name).Select(f => ReceivedMail.Load(f.FullName))]
                : [];
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived and returns all of them.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.UntilAsync(
            () => Task.FromResult(Messages.Count >= count), $"{count} message(s) at the SMTP test server on port {Port}", timeout);
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(none)" : _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
