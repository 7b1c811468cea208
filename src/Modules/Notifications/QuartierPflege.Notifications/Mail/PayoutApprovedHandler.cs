using NodaTime;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// The statement a volunteer receives when finance approves their payout: the lines, the year so far and what is left
/// of the tax-free allowance. One mail per approval message (its id makes the mail's id, so a redelivery sends nothing twice).
/// </summary>
public static class PayoutApprovedHandler
{
    public static SendMail Handle(PayoutApproved message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        return FollowUpsDueHandler.MailFor(PayoutApproved.MessageName, message.MessageId, message, message.Email, message.DisplayName, clock.GetCurrentInstant());
    }
}
