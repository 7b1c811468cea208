using JasperFx;
using NodaTime;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// The record that a mail went out. Its id is the <c>SendMail</c> command's id: a command delivered again (a replayed
/// dead letter, a retry after the server took the mail but the commit failed) finds it and sends nothing. The text body
/// is kept for 90 days (what did we tell whom?) only for kinds that carry no resident data (<see cref="MailBodies"/>);
/// the retention sweep removes it, the metadata stays longer (see the register in <c>DataProtection/</c>).
/// </summary>
internal sealed class SentMail : IRevisioned
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public Instant SentAt { get; set; }

    public int Attempts { get; set; }

    public string? TextBody { get; set; }

    /// <summary>The sweep's date when it removed the body (so that it is counted once).</summary>
    public LocalDate? BodyRemovedOn { get; set; }

    public int Version { get; set; }
}

/// <summary>Which mails' bodies are kept: those to volunteers and partner staff about their own matters, never one naming a resident.</summary>
internal static class MailBodies
{
    // An allow-list: a new kind (which may name a resident, as the referral and follow-up mails do) keeps no body until
    // someone has looked at it. The referral mail's content is Partners' referral, exported and erased there.
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "volunteers.volunteer-invited.v1",
        "volunteers.training-expiring.v1",
        "compensation.payout-approved.v1",
        "compensation.bank-details-changed.v1",
        "partners.referral-overdue.v1",
        "partners.referral-withdrawal-notice.v1",
        "notifications.test-mail.v1",
    };

    public static bool KeepsBody(string kind) => Kept.Contains(kind);
}
