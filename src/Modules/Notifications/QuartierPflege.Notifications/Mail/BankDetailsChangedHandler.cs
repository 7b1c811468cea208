using NodaTime;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// Tells a volunteer that their bank details changed, with what changed and who changed it; one mail per change message
/// (its id makes the mail's id, so a redelivery sends nothing twice).
/// </summary>
public static class BankDetailsChangedHandler
{
    public static SendMail Handle(BankDetailsChanged message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        return FollowUpsDueHandler.MailFor(BankDetailsChanged.MessageName, message.MessageId, message, message.Email, message.DisplayName, clock.GetCurrentInstant());
    }
}
