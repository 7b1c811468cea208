using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.CaseManagement.Contracts.FollowUps;

namespace QuartierPflege.Notifications.Mail.Messages;

/// <summary>A case manager's morning digest of due follow-ups, as an e-mail.</summary>
internal sealed class FollowUpsDueMail(MailQueue mail) : IMessageHandler<FollowUpsDue>
{
    public Task HandleAsync(FollowUpsDue message, CancellationToken cancellationToken)
    {
        mail.Enqueue(FollowUpsDue.MessageName, message, message.Email);
        return Task.CompletedTask;
    }
}
