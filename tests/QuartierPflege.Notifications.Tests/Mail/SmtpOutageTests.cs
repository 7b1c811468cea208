using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class SmtpOutageTests(SmtpOutageTests.App app) : IClassFixture<SmtpOutageTests.App>
{
    [Fact]
    public async Task While_the_SMTP_server_is_down_the_mail_waits_and_is_sent_once_when_it_is_back()
    {
        var mail = SampleMails.SendMail("grete.mueller@example.org");

        var attempts = await app.SendAndWaitForAttemptsAsync(mail, 3);

        Assert.Equal(3, app.Log.Failures.Count);
        Assert.All(app.Log.Failures, f => Assert.IsType<System.Net.Sockets.SocketException>(f, exactMatch: false));
        // The pauses between the attempts are the configured ones, growing: 0.5 s, then 1.5 s.
        var started = attempts.FindEnvelopesWithMessageType<SendMail>(MessageEventType.ExecutionStarted).Select(r => r.SessionTime).ToList();
        var finished = attempts.FindEnvelopesWithMessageType<SendMail>(MessageEventType.ExecutionFinished).Select(r => r.SessionTime).ToList();
        Assert.InRange(started[1] - finished[0], 500, 15_000);
        Assert.InRange(started[2] - finished[1], 1_500, 15_000);
        Assert.Null(await app.SentMailAsync(mail.MessageId));
        Assert.Equal(1, await app.PendingMailCommandsAsync());
        Assert.Empty(await app.MailDeadLettersAsync());

        await app.Smtp.StartAsync();
        await app.WaitUntilSentAsync(mail.MessageId, TimeSpan.FromSeconds(30));

        var received = Assert.Single(app.Smtp.Messages);
        Assert.Equal("Grüße aus der Südstraße", received.Subject);
        Assert.Contains("1.234,50 €", received.TextBody);
        var sent = await app.SentMailAsync(mail.MessageId);
        Assert.True(sent!.Attempts >= 4, $"sent at attempt {sent.Attempts}");
        await Eventually.UntilAsync(async () => await app.PendingMailCommandsAsync() == 0, "the mail command handled");
        Assert.Single(app.Smtp.Messages);
        Assert.Empty(await app.MailDeadLettersAsync());
    }

    /// <summary>A Host whose SMTP server is not running yet; it retries after 0.5 s, 1.5 s, then every second.</summary>
    public sealed class App : QpApp
    {
        public SmtpTestServer Smtp { get; } = new();

        public MailFailureLog Log { get; } = new();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);

        protected override void Configure(IDictionary<string, string?> settings)
        {
            Smtp.AddHostSettings(settings);
            settings["Mail:Smtp:Timeout"] = "00:00:02";
            settings["Mail:RetryCooldowns:0"] = "00:00:00.500";
            settings["Mail:RetryCooldowns:1"] = "00:00:01.500";
            for (var i = 2; i < 20; i++)
            {
                settings[$"Mail:RetryCooldowns:{i}"] = "00:00:01";
            }

            settings["Messaging:ScheduledJobPollingTime"] = "00:00:00.200";
        }
    }
}
