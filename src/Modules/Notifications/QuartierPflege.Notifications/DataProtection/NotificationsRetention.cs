using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>When a sent mail's body, and later the record itself, is due (counted from the Berlin day it was sent).</summary>
internal static class NotificationsRetention
{
    public static LocalDate SentOn(SentMail mail) => mail.SentAt.InBerlin().Date;

    public static bool BodyDue(SentMail mail, RetentionDuration period, LocalDate date)
        => mail.TextBody is not null && SentOn(mail) < period.Before(date);

    public static bool RecordDue(SentMail mail, RetentionDuration period, LocalDate date) => SentOn(mail) < period.Before(date);
}
