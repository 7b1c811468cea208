using MimeKit;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class PickupDirectoryTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task The_development_default_writes_a_readable_eml_file_per_mail()
    {
        var mail = SampleMails.SendMail("oeztuerk@example.org", "Frau Öztürk");

        await app.SendAndTrackAsync(mail);

        var file = Assert.Single(Directory.GetFiles(app.MailPickupDirectory, $"{mail.MessageId:N}*"));
        Assert.Equal($"{mail.MessageId:N}-{SampleMails.TestMailTemplate}.eml", Path.GetFileName(file));
        var received = ReceivedMail.Load(file);
        Assert.Equal("oeztuerk@example.org", Assert.Single(received.To).Address);
        Assert.Equal("Frau Öztürk", received.To[0].Name);
        Assert.Equal("Grüße aus der Südstraße", received.Subject);
        Assert.Contains("Guten Tag Frau Müller,", received.TextBody);
        Assert.Contains("<p>Grüße aus der Südstraße – 1.234,50 €</p>", received.HtmlBody);
        // Nothing half-written is left behind: every file there is a finished mail.
        Assert.All(Directory.GetFiles(app.MailPickupDirectory, "*", SearchOption.AllDirectories), f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var sent = await app.SentMailAsync(mail.MessageId);
        Assert.NotNull(sent);
        Assert.Equal(app.Clock.GetCurrentInstant(), sent.SentAt);
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_same_mail_writes_no_second_file()
    {
        var mail = SampleMails.SendMail("wiederholt@example.org");
        await app.SendAndTrackAsync(mail);
        var first = ReceivedMail.FromPickupDirectory(app.MailPickupDirectory).Where(m => m.To[0].Address == "wiederholt@example.org").ToList();

        await app.SendAndTrackAsync(mail);

        var after = ReceivedMail.FromPickupDirectory(app.MailPickupDirectory).Where(m => m.To[0].Address == "wiederholt@example.org").ToList();
        Assert.Single(first);
        Assert.Equal(first[0].Path, Assert.Single(after).Path);
    }

    [Fact]
    public async Task The_eml_file_is_valid_MIME_with_UTF8_text_and_HTML_alternatives()
    {
        var mail = SampleMails.SendMail("mime@example.org");

        await app.SendAndTrackAsync(mail);

        var received = ReceivedMail.Load(Path.Combine(app.MailPickupDirectory, MailDelivery.FileName(mail)));
        Assert.Equal(["text/plain", "text/html"], received.Parts.Select(p => p.MediaType));
        Assert.All(received.Parts, p => Assert.Equal("utf-8", p.Charset, ignoreCase: true));
        // 7 bit on the wire: any mail program and any relay can take the file as it is.
        Assert.All(received.Parts, p => Assert.Contains(p.TransferEncoding, new[] { ContentEncoding.Base64, ContentEncoding.QuotedPrintable }));
        Assert.Equal($"{mail.MessageId:N}@localhost", received.MessageId);
        Assert.Equal("quartierpflege@localhost", Assert.Single(received.From).Address);
        Assert.Equal("QuartierPflege", received.From[0].Name);
    }

    [Theory]
    [InlineData("/srv/mail", null, "/srv/mail")]
    [InlineData("post", "/data", "/repo/src/Host/post")]
    [InlineData(null, "/repo/.data", "/repo/.data/mail")]
    [InlineData(null, null, "/repo/.data/mail")]
    public void The_pickup_folder_is_the_configured_one_else_mail_in_the_data_folder(string? configured, string? dataDirectory, string expected)
        => Assert.Equal(expected, MailRegistration.ResolvePickupDirectory(configured, dataDirectory, "/repo/src/Host"));
}
