using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using QuartierPflege.Notifications.Contracts;
using Wolverine;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// Sends a mail through the configured transport and records it as sent. What happens when that fails (retries with
/// cooldown, dead letter) is <see cref="MailFailurePolicy"/>'s. A mail already recorded as sent is not sent again.
/// </summary>
public static partial class SendMailHandler
{
    // The settings come from IConfiguration at each mail: a public handler's parameters must be public types, and
    // binding a handful of keys costs nothing next to an SMTP conversation.
    public static async Task HandleAsync(
        SendMail mail,
        Envelope envelope,
        IDocumentSession session,
        IConfiguration configuration,
        IHostEnvironment environment,
        IClock clock,
        ILogger<SendMail> logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(clock);
        if (await session.LoadAsync<SentMail>(mail.MessageId, cancellationToken) is not null)
        {
            LogAlreadySent(logger, mail.Kind, mail.MessageId);
            return;
        }

        var options = MailOptions.Read(configuration, environment.ContentRootPath);
        await MailDelivery.DeliverAsync(mail, options, clock.GetCurrentInstant(), cancellationToken);
        session.Insert(new SentMail
        {
            Id = mail.MessageId,
            Kind = mail.Kind,
            Recipient = mail.RecipientAddress,
            Subject = mail.Subject,
            SentAt = clock.GetCurrentInstant(),
            Attempts = envelope.Attempts,
            TextBody = MailBodies.KeepsBody(mail.Kind) ? mail.TextBody : null,
        });
        LogSent(logger, mail.Kind, mail.MessageId, options.Transport, envelope.Attempts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Kind} {MailId} sent ({Transport}, attempt {Attempts})")]
    private static partial void LogSent(ILogger logger, string kind, Guid mailId, MailTransportKind transport, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Kind} {MailId} was sent before; not sending it again")]
    private static partial void LogAlreadySent(ILogger logger, string kind, Guid mailId);
}
