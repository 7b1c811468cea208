using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class SmtpRefusalTests(SmtpRefusalTests.App app) : IClassFixture<SmtpRefusalTests.App>
{
    [Fact]
    public async Task A_mail_the_server_refuses_for_good_becomes_a_dead_letter_after_three_attempts()
    {
        var mail = SampleMails.SendMail("gibt-es-nicht@example.org");

        await app.SendAndTrackAsync(mail, allowFailures: true);

        Assert.Equal(3, app.Peer.Connections);
        Assert.Equal(0, app.Peer.MailsAccepted);
        var dead = Assert.Single(await app.MailDeadLettersAsync());
        Assert.Contains("SmtpCommandException", dead.ExceptionType, StringComparison.Ordinal);
        Assert.Contains("Mailbox unavailable", dead.ExceptionMessage, StringComparison.Ordinal);
        Assert.Null(await app.SentMailAsync(mail.MessageId));
        Assert.Equal(3, app.Log.Failures.Count);
        Assert.All(app.Log.Failures, f => Assert.IsType<SmtpCommandException>(f));
    }

    public sealed class App() : ScriptedPeerApp(ScriptedSmtpPeer.Answering(_ => "550 5.1.1 Mailbox unavailable"))
    {

        protected override void Configure(IDictionary<string, string?> settings)
        {
            Peer.AddHostSettings(settings, TimeSpan.FromSeconds(5));
            settings["Mail:RefusalCooldowns:0"] = "00:00:00.050";
            settings["Mail:RefusalCooldowns:1"] = "00:00:00.100";
            // Were a refusal taken for "try later", the test would see a retry an hour later, not a dead letter.
            settings["Mail:RetryCooldowns:0"] = "01:00:00";
        }
    }
}

public sealed class SmtpTryLaterTests(SmtpTryLaterTests.App app) : IClassFixture<SmtpTryLaterTests.App>
{
    [Fact]
    public async Task A_mail_the_server_asks_to_send_later_is_sent_on_the_next_attempt()
    {
        var mail = SampleMails.SendMail("spaeter@example.org");

        await app.SendAndWaitForAttemptsAsync(mail, 2);
        await app.WaitUntilSentAsync(mail.MessageId, TimeSpan.FromSeconds(30));

        Assert.Equal(2, app.Peer.Connections);
        Assert.Equal(1, app.Peer.MailsAccepted);
        Assert.Equal(2, (await app.SentMailAsync(mail.MessageId))!.Attempts);
        Assert.Empty(await app.MailDeadLettersAsync());
    }

    public sealed class App() : ScriptedPeerApp(ScriptedSmtpPeer.Answering(connection => connection == 1 ? "451 4.7.1 Greylisted, try again later" : "250 OK"))
    {

        protected override void Configure(IDictionary<string, string?> settings)
        {
            Peer.AddHostSettings(settings, TimeSpan.FromSeconds(5));
            settings["Mail:RetryCooldowns:0"] = "00:00:00.500";
            settings["Messaging:ScheduledJobPollingTime"] = "00:00:00.200";
        }
    }
}

public sealed class SmtpTimeoutTests(SmtpTimeoutTests.App app) : IClassFixture<SmtpTimeoutTests.App>
{
    [Fact]
    public async Task A_server_that_never_answers_fails_the_attempt_after_the_configured_timeout()
    {
        var mail = SampleMails.SendMail("stumm@example.org");
        var watch = Stopwatch.StartNew();

        await app.SendAndWaitForAttemptsAsync(mail, 1);

        watch.Stop();
        Assert.Equal(1, app.Peer.Connections);
        var failure = Assert.Single(app.Log.Failures);
        Assert.IsType<TimeoutException>(failure);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        // Not given up: the mail waits for its next attempt.
        Assert.Equal(1, await app.PendingMailCommandsAsync());
        Assert.Empty(await app.MailDeadLettersAsync());
        Assert.Null(await app.SentMailAsync(mail.MessageId));
    }

    public sealed class App() : ScriptedPeerApp(ScriptedSmtpPeer.Silent())
    {

        protected override void Configure(IDictionary<string, string?> settings)
        {
            Peer.AddHostSettings(settings, TimeSpan.FromSeconds(2));
            settings["Mail:RetryCooldowns:0"] = "01:00:00";
        }
    }
}

/// <summary>A Host whose mail goes to a scripted SMTP peer, with the failures Wolverine logs for SendMail collected.</summary>
public abstract class ScriptedPeerApp(ScriptedSmtpPeer peer) : QpApp
{
    public ScriptedSmtpPeer Peer { get; } = peer;

    public MailFailureLog Log { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Peer.DisposeAsync();
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}
