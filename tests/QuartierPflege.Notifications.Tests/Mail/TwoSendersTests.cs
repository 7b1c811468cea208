using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

/// <summary>Two Host processes on one database, as in a scale-out: each queued mail leaves exactly once.</summary>
public sealed class TwoSendersTests : IAsyncLifetime
{
    private const int MailCount = 30;
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_connectionString);

    [Fact]
    public async Task Two_hosts_on_one_database_send_each_queued_mail_exactly_once()
    {
        var sends = new ConcurrentQueue<(string Host, Guid MailId)>();
        // Each sender's first mail waits until the other sender holds a mail too: both are then inside their claim at
        // the same moment, which only works if the second one skipped the row the first one locked.
        var bothSending = new Rendezvous(2);
        await using var first = QpApp.OnDatabase(_connectionString);
        await using var second = QpApp.OnDatabase(_connectionString);
        var hostA = WithRecordingTransport(first, "A", sends, bothSending);
        var hostB = WithRecordingTransport(second, "B", sends, bothSending);
        _ = hostB.Services;

        var ids = await hostA.EnqueueAsync(SampleMails.TestMailTemplate,
            [.. Enumerable.Range(1, MailCount).Select(i => ((object)new TestMail($"Nachbar {i}", "2026-03-02", null), $"nachbar{i}@example.org"))]);

        await MessageWaiting.WaitUntilAsync(
            async () => (await hostA.AllQueuedMailsAsync()).All(m => m.SentAt is not null), $"all {MailCount} mails recorded as sent");
        Assert.Equal(ids.Order(), sends.Select(s => s.MailId).Order());
        Assert.Equal(["A", "B"], sends.Select(s => s.Host).Distinct().Order());
        Assert.All(await hostA.AllQueuedMailsAsync(), m => Assert.Equal(1, m.Attempts));
    }

    private static WebApplicationFactory<Program> WithRecordingTransport(
        QpApp app, string host, ConcurrentQueue<(string, Guid)> sends, Rendezvous bothSending)
        => app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMailTransport>();
            services.AddSingleton<IMailTransport>(new RecordingTransport(host, sends, bothSending));
        }));

    private sealed class RecordingTransport(string host, ConcurrentQueue<(string, Guid)> sends, Rendezvous bothSending) : IMailTransport
    {
        private int _sent;

        public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _sent) == 1)
            {
                await bothSending.ArriveAndWaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            }

            sends.Enqueue((host, mail.Id));
        }
    }

    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAndWaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _all.TrySetResult();
            }

            return _all.Task.WaitAsync(timeout, cancellationToken);
        }
    }
}
