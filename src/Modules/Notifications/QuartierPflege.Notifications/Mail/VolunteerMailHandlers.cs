using Microsoft.Extensions.Configuration;
using NodaTime;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>A volunteer's certificate lapses soon (60, 30 or 7 days): one mail per warning.</summary>
public static class TrainingExpiringHandler
{
    public static SendMail Handle(TrainingExpiring message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        return FollowUpsDueHandler.MailFor(TrainingExpiring.MessageName, message.MessageId, message, message.Email, message.DisplayName, clock.GetCurrentInstant());
    }
}

/// <summary>
/// The invitation of a confirmed volunteer, with the link to set the first password. <c>Mail:ProductAddress</c> is where
/// people reach the product (default the local <c>ops/run</c> address).
/// </summary>
public static class VolunteerInvitedHandler
{
    public static SendMail Handle(VolunteerInvited message, IConfiguration configuration, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(clock);
        var address = (configuration["Mail:ProductAddress"] ?? "http://127.0.0.1:5080").TrimEnd('/');
        var model = new { message.DisplayName, Link = address + message.InvitationLink };
        return FollowUpsDueHandler.MailFor(VolunteerInvited.MessageName, message.MessageId, model, message.Email, message.DisplayName, clock.GetCurrentInstant());
    }
}
