using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Notifications.Contracts;
using Wolverine;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// Tells every active Koordination account at once that a referral went out without the sharing consent (Notfall).
/// One mail per person; its id comes from the message and the account, so a redelivery sends nothing twice.
/// </summary>
public static class EmergencyDisclosureMadeHandler
{
    public static async Task<OutgoingMessages> HandleAsync(EmergencyDisclosureMade message, IStaffDirectory staff, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(clock);
        var kind = EmergencyDisclosureMade.MessageName;
        var rendered = MailTemplates.Shared.Render(kind, message);
        var now = clock.GetCurrentInstant();
        var outgoing = new OutgoingMessages();
        foreach (var person in await staff.InRoleAsync(Roles.Koordination, cancellationToken))
        {
            if (!person.Active || string.IsNullOrWhiteSpace(person.Email))
            {
                continue;
            }

            outgoing.Add(new SendMail(MailIds.For($"{kind}/{person.Id:N}", message.MessageId), now, kind, person.Email, person.DisplayName,
                rendered.Subject, rendered.HtmlBody, rendered.TextBody));
        }

        return outgoing;
    }
}
