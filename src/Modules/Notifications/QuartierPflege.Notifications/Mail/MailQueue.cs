using System.Net.Mail;
using NodaTime;
using QuartierPflege.Notifications.Persistence;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// How the module sends mail: render a template and queue the result in the caller's DbContext. It is stored by the
/// caller's <c>SaveChanges</c> (in a message handler: with the inbox entry), so a rolled-back handler sends nothing
/// and a redelivered message does not send twice. The <see cref="MailSender"/> takes it from there after the commit.
/// </summary>
internal sealed class MailQueue(NotificationsDbContext db, MailTemplates templates, IClock clock)
{
    public QueuedMail Enqueue(string templateName, object model, string recipient)
    {
        // Fails here, in the caller's transaction, rather than at every send attempt.
        var address = new MailAddress(recipient);
        var mail = QueuedMail.Create(templateName, address.ToString(), templates.Render(templateName, model), clock.GetCurrentInstant());
        db.QueuedMails.Add(mail);
        return mail;
    }
}
