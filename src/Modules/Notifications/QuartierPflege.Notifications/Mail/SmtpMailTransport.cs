using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QuartierPflege.Notifications.Mail;

/// <summary>Delivers to an SMTP server (STARTTLS and login when configured).</summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        // SmtpClient is not thread-safe and holds one connection: one per mail keeps it simple at our volume.
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = settings.EnableStartTls,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(settings.User))
        {
            client.Credentials = new NetworkCredential(settings.User, settings.Password);
        }

        using var message = mail.ToMailMessage(options.Value);
        await client.SendMailAsync(message, cancellationToken);
    }
}
