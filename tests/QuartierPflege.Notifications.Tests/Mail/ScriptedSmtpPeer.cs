using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QuartierPflege.Notifications.Tests.Mail;

/// <summary>
/// A tiny SMTP peer on a free loopback port for answers a real server will not give on request: it answers each
/// connection's <c>RCPT TO</c> with the reply chosen for that connection (550 for good, 451 for later, 250), or it
/// accepts connections and never says a word.
/// </summary>
public sealed class ScriptedSmtpPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, string>? _recipientReply;
    private readonly Task _accepting;
    private int _connections;
    private int _mailsAccepted;

    private ScriptedSmtpPeer(Func<int, string>? recipientReply)
    {
        _recipientReply = recipientReply;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Mails the peer took (it answered 250 after DATA).</summary>
    public int MailsAccepted => Volatile.Read(ref _mailsAccepted);

    /// <summary>Answers <c>RCPT TO</c> on the n-th connection (from 1) with <paramref name="recipientReply"/>(n).</summary>
    public static ScriptedSmtpPeer Answering(Func<int, string> recipientReply) => new(recipientReply);

    /// <summary>Accepts the TCP connection and then stays silent: no greeting, no answer.</summary>
    public static ScriptedSmtpPeer Silent() => new(null);

    public void AddHostSettings(IDictionary<string, string?> settings, TimeSpan timeout)
    {
        settings["Mail:Transport"] = "Smtp";
        settings["Mail:Smtp:Host"] = "127.0.0.1";
        settings["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Mail:Smtp:Security"] = "None";
        settings["Mail:Smtp:Timeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client, number));
        }
    }

    private async Task ServeAsync(TcpClient client, int number)
    {
        using (client)
        {
            try
            {
                if (_recipientReply is null)
                {
                    // A hung server: the connection stays open until the test ends.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                await ConverseAsync(client.GetStream(), _recipientReply(number));
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client hung up or the test is over.
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream, string recipientReply)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 peer.test ESMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 peer.test");
                    break;
                case "MAIL" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync(recipientReply);
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                    {
                    }

                    Interlocked.Increment(ref _mailsAccepted);
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }
}
