using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Notifications.Contracts;

/// <summary>
/// Send one rendered mail. A durable command: Notifications delivers it through the configured transport, retries
/// while the server is away, and dead-letters it when the server refuses it for good. <paramref name="MessageId"/>
/// identifies the mail (Message-ID header, <c>.eml</c> file name): a repeated delivery of the same command is
/// recognised and not sent twice. <paramref name="Kind"/> names the template it was rendered from
/// (e.g. <c>case-management.follow-ups-due.v1</c>).
/// </summary>
public sealed record SendMail(
    Guid MessageId,
    Instant OccurredAt,
    string Kind,
    string RecipientAddress,
    string? RecipientName,
    string Subject,
    string HtmlBody,
    string TextBody) : IIntegrationMessage
{
    public static string MessageName => "notifications.send-mail.v1";
}
