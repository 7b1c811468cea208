using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>Art. 17 in Notifications: the records (and kept bodies) of mails to the person's address are deleted. Always answers.</summary>
public static class NotificationsEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        var mails = await NotificationsPersonalDataHolder.MailsToAsync(session, command.Subject, cancellationToken);
        foreach (var mail in mails)
        {
            session.Delete(mail);
        }

        ErasureLine[] lines = mails.Count == 0 ? [] : [new ErasureLine(NotificationsPersonalData.MailRecordKey, mails.Count, 0, null, null)];
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), command.RequestId, NotificationsPersonalData.ModuleName, lines);
    }
}
