using MailKit.Security;
using MimeKit;
using NodaTime;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>Turns a <see cref="SendMail"/> into a MIME message and hands it to the configured transport.</summary>
internal static class MailDelivery
{
    public static async Task DeliverAsync(SendMail mail, MailOptions options, Instant now, CancellationToken cancellationToken)
    {
        using var message = ToMimeMessage(mail, options, now);
        if (options.Transport == MailTransportKind.Smtp)
        {
            await SendOverSmtpAsync(message, options.Smtp, cancellationToken);
        }
        else
        {
            await WriteToPickupDirectoryAsync(message, mail, options, cancellationToken);
        }
    }

    /// <summary>Text and HTML alternatives, everything in UTF-8, encoded for any server (7 bit).</summary>
    public static MimeMessage ToMimeMessage(SendMail mail, MailOptions options, Instant now)
    {
        var from = new MailboxAddress(options.FromName, options.From);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            // The command's id as Message-ID: a mail sent twice (crash between sending and recording it) is recognisable.
            MessageId = $"{mail.MessageId:N}@{from.Domain}",
            Date = now.ToDateTimeOffset(),
            Body = new BodyBuilder
            {
                // Text in MIME has CRLF line ends (RFC 2046); the templates have whatever the checkout gave them.
                TextBody = mail.TextBody.ReplaceLineEndings("\r\n"),
                HtmlBody = mail.HtmlBody.ReplaceLineEndings("\r\n"),
            }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(mail.RecipientName ?? string.Empty, mail.RecipientAddress));
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static async Task SendOverSmtpAsync(MimeMessage message, SmtpSettings settings, CancellationToken cancellationToken)
    {
        // One connection per mail keeps it simple at our volume; Timeout applies to every step, also the greeting.
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.EffectivePort, Secure(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Secure(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>
    /// The development default: every mail becomes an <c>.eml</c> file (open it in any mail program). Its name is the
    /// mail's id, so a repeated delivery overwrites the file instead of adding a second one; the file is written under
    /// a temporary name and then moved into place, so that nobody reads a half-written mail.
    /// </summary>
    private static async Task WriteToPickupDirectoryAsync(MimeMessage message, SendMail mail, MailOptions options, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory(options.PickupDirectory
            ?? throw new InvalidOperationException("Mail:PickupDirectory was not resolved.")).FullName;
        var target = Path.Combine(directory, FileName(mail));
        var partial = Path.Combine(directory, $".{mail.MessageId:N}.unfertig");
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    internal static string FileName(SendMail mail)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var kind = string.Concat(mail.Kind.Select(c => invalid.Contains(c) ? '_' : c));
        return $"{mail.MessageId:N}-{kind}.eml";
    }
}
