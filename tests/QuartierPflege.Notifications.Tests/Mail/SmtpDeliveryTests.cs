using NodaTime;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class SmtpDeliveryTests(SmtpDeliveryTests.App app) : IClassFixture<SmtpDeliveryTests.App>
{
    [Fact]
    public async Task A_mail_reaches_the_SMTP_server_with_recipient_subject_and_UTF8_HTML_and_text_parts()
    {
        var mail = SampleMails.SendMail("joerg.fuss@example.org", "Jörg Fuß");

        await app.SendAndTrackAsync(mail);

        var received = Assert.Single(await app.Smtp.WaitForMessagesAsync(1), m => m.To[0].Address == "joerg.fuss@example.org");
        Assert.Equal(["joerg.fuss@example.org"], received.EnvelopeRecipients);
        Assert.Equal("Jörg Fuß", Assert.Single(received.To).Name);
        Assert.Equal("Grüße aus der Südstraße", received.Subject);
        Assert.Equal("quartierpflege@localhost", Assert.Single(received.From).Address);
        Assert.Equal("QuartierPflege", received.From[0].Name);
        Assert.Equal($"{mail.MessageId:N}@localhost", received.MessageId);
        Assert.Equal(["text/plain", "text/html"], received.Parts.Select(p => p.MediaType));
        Assert.All(received.Parts, p => Assert.Equal("utf-8", p.Charset, ignoreCase: true));
        Assert.Contains("Grüße aus der Südstraße – 1.234,50 €", received.TextBody);
        Assert.Contains("<p>Guten Tag Frau Müller,</p>", received.HtmlBody);
        var sent = await app.SentMailAsync(mail.MessageId);
        Assert.NotNull(sent);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(app.Clock.GetCurrentInstant(), sent.SentAt);
        Assert.Equal("joerg.fuss@example.org", sent.Recipient);
    }

    [Fact]
    public async Task The_digest_of_due_follow_ups_arrives_with_names_case_numbers_and_German_dates()
    {
        var digest = SampleMails.FollowUpsDue("kaethe.fall@example.org") with { OccurredAt = app.Clock.GetCurrentInstant() };

        var tracked = await app.PublishAndTrackAsync(digest);

        var command = tracked.Sent.SingleMessage<SendMail>();
        Assert.Equal(FollowUpsDue.MessageName, command.Kind);
        var received = Assert.Single(await app.Smtp.WaitForMessagesAsync(1), m => m.To[0].Address == "kaethe.fall@example.org");
        Assert.Equal("Jörg Fuß", received.To[0].Name);
        Assert.Equal("Fällige Wiedervorlagen am 2. März 2026", received.Subject);
        Assert.Contains("Guten Morgen Jörg Fuß,", received.TextBody);
        Assert.Contains("- Jürgen Weiß (F-2026-0001): Gespräch über die Größe der Wohnung (fällig am 1. März 2026)", received.TextBody);
        Assert.Contains("Sie finden sie auch in QuartierPflege unter „Fallmanagement“.", received.TextBody);
        Assert.Contains("<td>Käthe Özdemir (F-2026-0001)</td><td>Hausnotruf prüfen</td><td style=\"white-space: nowrap;\">2. März 2026</td>", received.HtmlBody);
        Assert.NotNull(await app.SentMailAsync(command.MessageId));
    }

    [Fact]
    public async Task An_approved_payout_sends_the_volunteer_a_statement_with_lines_year_to_date_and_remaining_allowance()
    {
        var approved = SampleMails.PayoutApproved(withheldAboveCap: 61.25m, email: "grete.mueller@example.org", remainingAllowance: 0m)
            with { OccurredAt = app.Clock.GetCurrentInstant() };

        var tracked = await app.PublishAndTrackAsync(approved);

        Assert.Equal(PayoutApproved.MessageName, tracked.Sent.SingleMessage<SendMail>().Kind);
        var received = Assert.Single(await app.Smtp.WaitForMessagesAsync(1), m => m.To[0].Address == "grete.mueller@example.org");
        Assert.Equal("Grete Müller", received.To[0].Name);
        Assert.Equal("Ihre Aufwandsentschädigung für März 2026", received.Subject);
        Assert.Contains("- Nachbarschaftshilfe (Stunden): 12,5 – 150,00 €", received.TextBody);
        Assert.Contains("- Fahrtkosten (km): 4235 – 1.084,50 €", received.TextBody);
        Assert.Contains("Summe: 1.234,50 €", received.TextBody);
        Assert.Contains("Über dem steuerfreien Höchstbetrag und daher einbehalten: 61,25 €", received.TextBody);
        Assert.Contains("In diesem Kalenderjahr bisher ausgezahlt (mit diesem Betrag): 1.234,50 €", received.TextBody);
        Assert.Contains("Davon noch steuerfrei möglich (Ehrenamtspauschale): 0,00 €", received.TextBody);
        Assert.Contains("<td>Nachbarschaftshilfe (Stunden)</td>", received.HtmlBody);
    }

    [Fact]
    public async Task A_digest_delivered_twice_sends_one_mail()
    {
        var digest = SampleMails.FollowUpsDue("doppelt@example.org", new FollowUpItem(Guid.NewGuid(), "Hans Groß", "Rückruf", new LocalDate(2026, 3, 2)));

        var first = await app.PublishAndTrackAsync(digest);
        var second = await app.PublishAndTrackAsync(digest);

        Assert.Equal(first.Sent.SingleMessage<SendMail>().MessageId, second.Sent.SingleMessage<SendMail>().MessageId);
        await app.Smtp.WaitForMessagesAsync(1);
        Assert.Single(app.Smtp.Messages, m => m.To[0].Address == "doppelt@example.org");
    }

    public sealed class App : QpApp
    {
        public SmtpTestServer Smtp { get; } = new();

        public override async Task InitializeAsync()
        {
            await Smtp.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }

        protected override void Configure(IDictionary<string, string?> settings) => Smtp.AddHostSettings(settings);
    }
}
