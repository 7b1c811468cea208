using NodaTime;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Testing;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class PickupDirectoryTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task The_development_default_writes_eml_files()
    {
        var id = await app.EnqueueAsync(
            SampleMails.TestMailTemplate, new TestMail("Frau Öztürk", new LocalDate(2026, 3, 2), "Grüße aus der Südstraße"), "oeztuerk@example.org");

        await MessageWaiting.WaitUntilAsync(
            () => Task.FromResult(ReceivedMail.FromPickupDirectory(app.MailPickupDirectory).Count > 0), "an .eml file in the pickup folder");
        await app.WaitUntilAsync(id, m => m.SentAt is not null, "the mail recorded as sent");

        var file = Assert.Single(Directory.GetFiles(app.MailPickupDirectory, "*.eml"));
        Assert.Equal($"{id:N}-{SampleMails.TestMailTemplate}.eml", Path.GetFileName(file));
        var mail = ReceivedMail.Load(file);
        Assert.Equal("oeztuerk@example.org", mail.To);
        Assert.Equal("Testnachricht von QuartierPflege", mail.Subject);
        Assert.Contains("Guten Tag Frau Öztürk,", mail.TextBody);
        Assert.Contains("vom 2. März 2026", mail.TextBody);
        Assert.Contains("<p>Grüße aus der Südstraße</p>", mail.HtmlBody);
        // Nothing half-written is left behind.
        Assert.Equal([file], Directory.GetFiles(app.MailPickupDirectory, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("/srv/mail", null, "/srv/mail")]
    [InlineData("post", "/data", "/repo/src/Host/post")]
    [InlineData(null, "/repo/.data", "/repo/.data/mail")]
    [InlineData(null, null, "/repo/.data/mail")]
    public void The_pickup_folder_is_the_configured_one_else_mail_in_the_data_folder(string? configured, string? dataDirectory, string expected)
        => Assert.Equal(expected, MailRegistration.ResolvePickupDirectory(configured, dataDirectory, "/repo/src/Host"));
}
