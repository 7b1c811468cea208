using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// The development default: every mail becomes an <c>.eml</c> file (open it in any mail program). The file appears
/// complete or not at all, and its name sorts by time (the id is a version 7 Guid).
/// </summary>
internal sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var directory = options.Value.PickupDirectory
            ?? throw new InvalidOperationException("Mail:PickupDirectory was not resolved.");
        // SmtpClient writes the MIME message under a name of its own; it does so in a private folder, and the finished
        // file is then moved into place, so that nobody reads a half-written mail.
        var staging = Directory.CreateDirectory(Path.Combine(directory, ".unfertig", mail.Id.ToString("N")));
        try
        {
            using (var client = new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = staging.FullName,
            })
            {
                using var message = mail.ToMailMessage(options.Value);
                await client.SendMailAsync(message, cancellationToken);
            }

            var written = staging.EnumerateFiles("*.eml").Single();
            written.MoveTo(Path.Combine(directory, $"{mail.Id:N}-{mail.Kind}.eml"), overwrite: true);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }
}
