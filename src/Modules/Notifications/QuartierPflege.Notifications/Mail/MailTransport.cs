using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace QuartierPflege.Notifications.Mail;

/// <summary>A mail on its way out, as the transport sees it.</summary>
internal sealed record OutgoingMail(Guid Id, string Kind, string Recipient, string Subject, string HtmlBody, string TextBody);

/// <summary>
/// Hands a mail to whatever delivers it (an SMTP server, or a folder in development). The seam where MailKit would
/// replace <see cref="System.Net.Mail.SmtpClient"/> once it can be restored. Throws when the mail was not taken.
/// </summary>
internal interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal static class MailMessages
{
    /// <summary>The MIME message both transports write: text and HTML alternatives, everything in UTF-8.</summary>
    public static MailMessage ToMailMessage(this OutgoingMail mail, MailOptions options)
    {
        var from = new MailAddress(options.From, options.FromName, Encoding.UTF8);
        var message = new MailMessage
        {
            From = from,
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            // Text in MIME has CRLF line ends (RFC 2046); the templates have whatever the checkout gave them.
            Body = mail.TextBody.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            // Base64: System.Net.Mail's quoted-printable encodes line breaks too, so it is no more readable and longer.
            BodyTransferEncoding = TransferEncoding.Base64,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.Recipient));
        // The queue id as Message-ID: a mail sent twice (crash between sending and recording it) is recognisable.
        message.Headers.Add("Message-ID", $"<{mail.Id:N}@{from.Host}>");
        var html = AlternateView.CreateAlternateViewFromString(mail.HtmlBody.ReplaceLineEndings("\r\n"), Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.Base64;
        message.AlternateViews.Add(html);
        return message;
    }
}
