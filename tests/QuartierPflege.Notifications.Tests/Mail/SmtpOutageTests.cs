using NodaTime;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class SmtpOutageTests(SmtpOutageTests.App app) : IClassFixture<SmtpOutageTests.App>
{
    [Fact]
    public async Task While_the_SMTP_server_is_down_the_mail_stays_queued_and_is_sent_once_it_is_back()
    {
        var queuedAt = app.Clock.GetCurrentInstant();
        var id = await app.EnqueueAsync(SampleMails.PayoutApprovedTemplate, SampleMails.PayoutApproved(), "grete.mueller@example.org");

        await app.WaitUntilAsync(id, m => m.Attempts >= 1, "a first, failed attempt");
        var afterFirst = await app.QueuedMailAsync(id);
        Assert.Null(afterFirst.SentAt);
        Assert.NotNull(afterFirst.LastError);
        Assert.Equal(queuedAt + Duration.FromMinutes(1), afterFirst.NextAttemptAt);

        app.Clock.Advance(Duration.FromMinutes(1));
        await app.WaitUntilAsync(id, m => m.Attempts >= 2, "a second, failed attempt once the retry was due");
        var afterSecond = await app.QueuedMailAsync(id);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.Null(afterSecond.SentAt);
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromMinutes(2), afterSecond.NextAttemptAt);

        await app.Smtp.StartAsync();
        app.Clock.Advance(Duration.FromMinutes(2));

        var received = Assert.Single(await app.Smtp.WaitForMessagesAsync(1));
        await app.WaitUntilAsync(id, m => m.SentAt is not null, "the mail recorded as sent");
        Assert.Equal("Ihre Aufwandsentschädigung für März 2026", received.Subject);
        Assert.Contains("Summe: 1.234,50 €", received.TextBody);
        var sent = await app.QueuedMailAsync(id);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Single(app.Smtp.Messages);
    }

    /// <summary>A Host whose SMTP server is not running yet; retries after one minute, then two, four …</summary>
    public sealed class App : QpApp
    {
        public SmtpTestServer Smtp { get; } = new();

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override void Configure(IDictionary<string, string?> settings)
        {
            Smtp.AddHostSettings(settings);
            settings["Mail:RetryBaseDelay"] = "00:01:00";
            settings["Mail:RetryMaxDelay"] = "00:30:00";
        }
    }
}
