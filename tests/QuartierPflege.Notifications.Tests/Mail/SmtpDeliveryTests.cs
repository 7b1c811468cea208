using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class SmtpDeliveryTests(SmtpDeliveryTests.App app) : IClassFixture<SmtpDeliveryTests.App>
{
    [Fact]
    public async Task A_mail_reaches_the_SMTP_server_with_recipient_subject_and_UTF8_body()
    {
        var id = await app.EnqueueAsync(SampleMails.FollowUpsDueTemplate, SampleMails.FollowUpsDue(), "Jörg Fuß <joerg.fuss@example.org>");

        var received = Assert.Single(await app.Smtp.WaitForMessagesAsync(1));
        await app.WaitUntilAsync(id, m => m.SentAt is not null, "the mail recorded as sent");

        Assert.Equal(["joerg.fuss@example.org"], received.EnvelopeRecipients);
        Assert.Equal("Jörg Fuß <joerg.fuss@example.org>", received.To);
        Assert.Equal("Fällige Wiedervorlagen am 2. März 2026", received.Subject);
        Assert.Equal("\"QuartierPflege\" <quartierpflege@localhost>", received.From);
        Assert.Equal($"<{id:N}@localhost>", received.MessageId);
        Assert.Contains("- Jürgen Weiß (F-2026-0001): Gespräch über die Größe der Wohnung (fällig am 1. März 2026)", received.TextBody);
        Assert.Contains("Sie finden sie auch in QuartierPflege unter „Fallmanagement“.", received.TextBody);
        Assert.Contains("<td>Käthe Özdemir (F-2026-0001)</td><td>Hausnotruf prüfen</td>", received.HtmlBody);
        var sent = await app.QueuedMailAsync(id);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(app.Clock.GetCurrentInstant(), sent.SentAt);
    }

    public sealed class App : QpApp
    {
        public SmtpTestServer Smtp { get; } = new();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Smtp.StartAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override void Configure(IDictionary<string, string?> settings) => Smtp.AddHostSettings(settings);
    }
}
