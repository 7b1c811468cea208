using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>
/// Notifications' answers: the mails sent to the person's address. Residents get no mail, so only a subject with an
/// e-mail address (a volunteer) has any.
/// </summary>
internal sealed class NotificationsPersonalDataHolder(IQuerySession session) : IPersonalDataHolder
{
    public string Module => NotificationsPersonalData.ModuleName;

    public Task<IReadOnlyList<RetentionCount>> DueAsync(LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
        => NotificationsRetentionWork.RunAsync(session, null, date, periods, cancellationToken);

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var mails = await MailsToAsync(session, subject, cancellationToken);
        return new PersonalDataSection(Module, [.. mails.OrderBy(m => m.SentAt).Select(Record)]);
    }

    public Task<IReadOnlyList<string>> ErasureObjectionsAsync(DataSubject subject, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Mails to the subject's address (compared without case: mail servers do, and people type it both ways).</summary>
    internal static async Task<IReadOnlyList<SentMail>> MailsToAsync(IQuerySession session, DataSubject subject, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subject.Email))
        {
            return [];
        }

        var address = subject.Email.Trim().ToLowerInvariant();
        return await session.Query<SentMail>().Where(m => m.Recipient.ToLower() == address).ToListAsync(cancellationToken);
    }

    private static PersonalDataRecord Record(SentMail mail)
    {
        var fields = new List<PersonalDataField>
        {
            new("Art", MessageCatalogue.Describe(mail.Kind).Kind),
            new("An", mail.Recipient),
            new("Betreff", mail.Subject),
            new("Gesendet am", GermanDates.Show(mail.SentAt)),
            new("Inhalt", mail.TextBody ?? (mail.BodyRemovedOn is { } removed
                ? $"nach Ablauf der Aufbewahrungsfrist am {GermanDates.Show(removed)} gelöscht"
                : "nicht gespeichert")),
        };
        return new PersonalDataRecord(NotificationsPersonalData.MailBodyKey, $"E-Mail „{mail.Subject}“", fields);
    }
}
