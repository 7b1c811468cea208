using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// A new referral, as an e-mail to the partner's contact for referrals. The mail carries exactly what the referral
/// carries (the summary the case manager agreed with the resident, contact details only when the resident agreed),
/// never more. A partner without an address for referrals gets no mail (staff see the referral in the list).
/// </summary>
public static class ReferralRequestedMailHandler
{
    public static async Task<SendMail?> HandleAsync(ReferralRequested message, IPartnerDirectory partners, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(clock);
        var partner = await partners.GetAsync(message.PartnerId, cancellationToken);
        if (partner?.ReferralEmail is not { } address)
        {
            return null;
        }

        var contact = message.ContactDetails;
        var model = new ReferralMailModel(
            partner.Name,
            partner.ReferralContactName ?? partner.Name,
            ServiceCategories.NameOf(message.ServiceCategory),
            message.Quartier,
            message.DisclosedSummary,
            contact is not null,
            contact?.Name ?? string.Empty,
            contact is null ? string.Empty : $"{contact.Street} {contact.HouseNumber}{(contact.Flat is null ? "" : ", " + contact.Flat)}, {contact.PostalCode} {contact.City}",
            contact?.Phone ?? string.Empty,
            message.RespondBy,
            message.ReferralId.ToString("N")[..8]);
        return FollowUpsDueHandler.MailFor(ReferralRequested.MessageName, message.MessageId, model, address, partner.ReferralContactName, clock.GetCurrentInstant());
    }
}

/// <summary>The daily reminder of an unanswered referral, to the partner's contact.</summary>
public static class ReferralOverdueMailHandler
{
    public static SendMail Handle(ReferralOverdue message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        var model = new OverdueMailModel(message.PartnerName, message.ContactName ?? message.PartnerName, ServiceCategories.NameOf(message.ServiceCategory),
            message.Quartier, message.RespondBy, message.ReferralId.ToString("N")[..8]);
        return FollowUpsDueHandler.MailFor(ReferralOverdue.MessageName, message.MessageId, model, message.Email, message.ContactName, clock.GetCurrentInstant());
    }
}

/// <summary>A withdrawn referral, to the partner's contact: which one (as the partner knows it) and why, nothing about the resident.</summary>
public static class ReferralWithdrawalNoticeMailHandler
{
    public static SendMail Handle(ReferralWithdrawalNotice message, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(clock);
        var model = new WithdrawalMailModel(message.PartnerName, message.ContactName ?? message.PartnerName, ServiceCategories.NameOf(message.ServiceCategory),
            message.Quartier, message.RequestedOn, message.Reason, message.ReferralId.ToString("N")[..8]);
        return FollowUpsDueHandler.MailFor(ReferralWithdrawalNotice.MessageName, message.MessageId, model, message.Email, message.ContactName, clock.GetCurrentInstant());
    }
}

internal sealed record ReferralMailModel(
    string PartnerName,
    string Greeting,
    string Category,
    string Quartier,
    string Summary,
    bool HasContact,
    string ResidentName,
    string ResidentAddress,
    string ResidentPhone,
    LocalDate? RespondBy,
    string Reference);

internal sealed record OverdueMailModel(string PartnerName, string Greeting, string Category, string Quartier, LocalDate RespondBy, string Reference);

internal sealed record WithdrawalMailModel(string PartnerName, string Greeting, string Category, string Quartier, LocalDate RequestedOn, string Reason, string Reference);
