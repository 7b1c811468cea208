using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>What Notifications keeps of the mails it sent: for a while the text, longer the fact that a mail went out.</summary>
internal sealed class NotificationsPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Benachrichtigungen";

    public const string MailBodyKey = "notifications.mail-body";
    public const string MailRecordKey = "notifications.mail-record";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(MailBodyKey, "Inhalt versandter E-Mails",
            "Ehrenamtliche, Beschäftigte der Partner",
            "Text der E-Mail (Einladungen, Erinnerungen, Abrechnungen, Hinweise an Partner); E-Mails, die Bewohnerinnen oder Bewohner nennen, werden ohne Inhalt vermerkt",
            "Nachvollziehen, was wem mitgeteilt wurde (Rückfragen, Beschwerden)",
            "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an nachvollziehbarer Kommunikation)",
            "Koordination",
            new RetentionRule("nach dem Versand", RetentionDuration.OfDays(90), RetentionDuration.OfDays(0), RetentionDuration.OfYears(1),
                RetentionAction.Delete, null),
            [typeof(SentMail)]),
        new(MailRecordKey, "Versandnachweise von E-Mails",
            "Ehrenamtliche, Beschäftigte der Partner, Mitarbeitende von QuartierPflege",
            "E-Mail-Adresse der Empfängerin oder des Empfängers, Betreff, Art der Nachricht, Zeitpunkt des Versands",
            "Nachweisen, dass eine Benachrichtigung (z. B. an einen Partner oder die Koordination) verschickt wurde; doppelten Versand verhindern",
            "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse am Nachweis der Benachrichtigung)",
            "Koordination",
            new RetentionRule("nach dem Versand", RetentionDuration.OfYears(2), RetentionDuration.OfMonths(3), null, RetentionAction.Delete, null),
            [typeof(SentMail)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } = [];
}
