using NodaTime;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// The record that a mail went out (no bodies: those are the recipient's). Its id is the <c>SendMail</c> command's
/// id: a command delivered again (a replayed dead letter, a retry after the server took the mail but the commit
/// failed) finds it and sends nothing.
/// </summary>
internal sealed record SentMail(Guid Id, string Kind, string Recipient, string Subject, Instant SentAt, int Attempts);
