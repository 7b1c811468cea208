using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// A rendered mail waiting to be sent (or sent: the row stays as the record of it). Queued in the transaction of
/// whatever caused it; the <see cref="MailSender"/> delivers it after the commit and retries until the server takes it.
/// </summary>
internal sealed class QueuedMail
{
    private const int MaxErrorLength = 4000;

    private QueuedMail()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The template it was rendered from, e.g. <c>compensation.payout-approved.v1</c>.</summary>
    public string MessageKind { get; private init; } = string.Empty;

    public string Recipient { get; private init; } = string.Empty;

    public string Subject { get; private init; } = string.Empty;

    public string HtmlBody { get; private init; } = string.Empty;

    public string TextBody { get; private init; } = string.Empty;

    public Instant CreatedAt { get; private init; }

    public int Attempts { get; private set; }

    public Instant NextAttemptAt { get; private set; }

    public Instant? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public static QueuedMail Create(string messageKind, string recipient, RenderedMail content, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        MessageKind = messageKind,
        Recipient = recipient,
        Subject = content.Subject,
        HtmlBody = content.HtmlBody,
        TextBody = content.TextBody,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(Instant now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    public void MarkFailed(string error, Instant now, Duration retryAfter)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        NextAttemptAt = now + retryAfter;
    }

    public OutgoingMail ToOutgoing() => new(Id, MessageKind, Recipient, Subject, HtmlBody, TextBody);

    internal sealed class Configuration : IEntityTypeConfiguration<QueuedMail>
    {
        public void Configure(EntityTypeBuilder<QueuedMail> mail)
        {
            mail.ToTable("queued_mail");
            mail.HasKey(m => m.Id);
            mail.Property(m => m.Id).ValueGeneratedNever();
            mail.Property(m => m.MessageKind).HasMaxLength(200);
            mail.Property(m => m.Recipient).HasMaxLength(320);
            mail.Property(m => m.LastError).HasMaxLength(MaxErrorLength);
            // The sender's claim query: not sent yet, due first.
            mail.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt })
                .HasFilter("sent_at IS NULL")
                .HasDatabaseName("ix_queued_mail_due");
        }
    }
}
