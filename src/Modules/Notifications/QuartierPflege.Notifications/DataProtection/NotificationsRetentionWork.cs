using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>
/// One pass over the sent mails for a date: the sweep applies it (bodies removed under the record's revision, so a
/// second Host conflicts, retries and then finds nothing; records deleted), the forecast only counts.
/// </summary>
internal static class NotificationsRetentionWork
{
    public static async Task<IReadOnlyList<RetentionCount>> RunAsync(
        IQuerySession query, IDocumentSession? apply, LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        var bodyPeriod = periods.For(NotificationsPersonalData.MailBodyKey);
        var recordPeriod = periods.For(NotificationsPersonalData.MailRecordKey);
        // Instants in the JSON are compared here, not in SQL: the mails of two years are a few thousand records.
        var mails = await query.Query<SentMail>().ToListAsync(cancellationToken);
        var records = mails.Where(m => NotificationsRetention.RecordDue(m, recordPeriod, date)).ToList();
        var deleted = records.Select(m => m.Id).ToHashSet();
        var bodies = mails.Where(m => !deleted.Contains(m.Id) && NotificationsRetention.BodyDue(m, bodyPeriod, date)).ToList();
        if (apply is not null)
        {
            foreach (var mail in bodies)
            {
                mail.TextBody = null;
                mail.BodyRemovedOn = date;
                apply.UpdateRevision(mail, mail.Version + 1L);
            }

            foreach (var mail in records)
            {
                apply.Delete(mail);
            }
        }

        return
        [
            new RetentionCount(NotificationsPersonalData.MailBodyKey, 0, bodies.Count + records.Count(m => m.TextBody is not null)),
            new RetentionCount(NotificationsPersonalData.MailRecordKey, 0, records.Count),
        ];
    }
}
