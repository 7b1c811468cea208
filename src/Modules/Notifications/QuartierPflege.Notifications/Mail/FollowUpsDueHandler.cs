using NodaTime;
using QuartierPflege.CaseManagement.Contracts.FollowUps;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>A case manager's morning digest of due follow-ups, as an e-mail (sent by <see cref="SendMailHandler"/>).</summary>
public static class FollowUpsDueHandler
{
    public static SendMail Handle(FollowUpsDue message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        return MailFor(FollowUpsDue.MessageName, message.MessageId, message, message.Email, message.CaseManagerName, clock.GetCurrentInstant());
    }

    internal static SendMail MailFor(string kind, Guid sourceMessageId, object model, string address, string? name, Instant now)
    {
        var rendered = MailTemplates.Shared.Render(kind, model);
        return new SendMail(MailIds.For(kind, sourceMessageId), now, kind, address, name, rendered.Subject, rendered.HtmlBody, rendered.TextBody);
    }
}
