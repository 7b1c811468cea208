using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using Wolverine;

namespace QuartierPflege.Partners.Referrals;

/// <summary>A case's referral lands in the partner's referral list (Notifications mails the partner's contact).</summary>
public static class ReferralRequestedHandler
{
    public static async Task HandleAsync(ReferralRequested message, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Delivered twice after a crash: the referral is there already.
        if (await session.LoadAsync<PartnerReferral>(message.ReferralId, cancellationToken) is not null)
        {
            return;
        }

        var partner = await session.LoadAsync<Partner>(message.PartnerId, cancellationToken);
        var contact = message.ContactDetails;
        session.Insert(new PartnerReferral
        {
            Id = message.ReferralId,
            CaseId = message.CaseId,
            PartnerId = message.PartnerId,
            PartnerName = partner?.Name ?? "(unbekannter Partner)",
            ServiceCategory = message.ServiceCategory,
            Quartier = message.Quartier,
            DisclosedSummary = message.DisclosedSummary,
            Resident = contact is null
                ? null
                : new ReferralResident(contact.Name, contact.Street, contact.HouseNumber, contact.Flat, contact.PostalCode, contact.City, contact.Phone),
            RespondBy = message.RespondBy,
            RequestedAt = message.OccurredAt,
            Status = PartnerReferralStatus.Open,
        });
    }
}

/// <summary>
/// The case manager withdrew the referral: it leaves the partner's open list, and the partner's contact for referrals
/// is told in the same transaction (the partner may already be working on it). A referral that is no longer open (a
/// second delivery, or the case's closing came first) tells nobody again.
/// </summary>
public static class ReferralWithdrawnHandler
{
    public static async Task<OutgoingMessages> HandleAsync(ReferralWithdrawn message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outgoing = new OutgoingMessages();
        var referral = await session.LoadAsync<PartnerReferral>(message.ReferralId, cancellationToken);
        if (referral is not { IsOpen: true })
        {
            return outgoing;
        }

        var now = clock.GetCurrentInstant();
        referral.Status = PartnerReferralStatus.Withdrawn;
        referral.Reason = message.Reason;
        referral.ClosedAt = now;
        session.UpdateRevision(referral, referral.Version + 1L);
        if (await WithdrawalNotices.ForAsync(referral, message.Cause, session, now, cancellationToken) is { } notice)
        {
            outgoing.Add(notice);
        }

        return outgoing;
    }
}

/// <summary>A closed case closes its referrals that are still open and dates all of them for retention.</summary>
public static class CaseClosedReferralsHandler
{
    public static async Task<OutgoingMessages> HandleAsync(CaseClosed message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outgoing = new OutgoingMessages();
        var caseId = message.CaseId;
        var now = clock.GetCurrentInstant();
        // Every referral of the case learns the closing day: their retention period starts from it.
        var referrals = await session.Query<PartnerReferral>().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken);
        foreach (var referral in referrals.Where(r => r.IsOpen || r.CaseClosedOn != message.ClosedOn))
        {
            if (referral.IsOpen)
            {
                referral.Status = PartnerReferralStatus.CaseClosed;
                referral.ClosedAt = now;
                // Case Management also withdraws it; whichever of the two messages comes first tells the partner, once
                // (the other finds the referral closed, or loses on the revision and then finds it closed).
                if (await WithdrawalNotices.ForAsync(referral, ReferralWithdrawalCause.CaseClosed, session, now, cancellationToken) is { } notice)
                {
                    outgoing.Add(notice);
                }
            }

            referral.CaseClosedOn = message.ClosedOn;
            session.UpdateRevision(referral, referral.Version + 1L);
        }

        return outgoing;
    }
}

/// <summary>
/// The daily reminder: every referral past its answer date without an answer is reminded to the partner's contact,
/// once per day (the day is recorded on the referral in the same transaction as the outgoing reminder).
/// </summary>
public static class CheckOverdueReferralsHandler
{
    public static async Task<OutgoingMessages> HandleAsync(CheckOverdueReferrals message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outgoing = new OutgoingMessages();
        var date = message.Date;
        var open = await session.Query<PartnerReferral>().Where(r => r.Status == PartnerReferralStatus.Open).ToListAsync(cancellationToken);
        var overdue = open.Where(r => r.IsOverdueOn(date) && !r.RemindedOn.Contains(date)).ToList();
        if (overdue.Count == 0)
        {
            return outgoing;
        }

        var partners = (await session.LoadManyAsync<Partner>(cancellationToken, overdue.Select(r => r.PartnerId).Distinct()))
            .ToDictionary(p => p.Id);
        var now = clock.GetCurrentInstant();
        foreach (var referral in overdue)
        {
            referral.RemindedOn.Add(date);
            session.UpdateRevision(referral, referral.Version + 1L);
            var listing = partners.GetValueOrDefault(referral.PartnerId)?.ToListing();
            if (listing?.ReferralEmail is { } email)
            {
                outgoing.Add(new ReferralOverdue(Guid.NewGuid(), now, referral.Id, referral.PartnerId, listing.Name, email, listing.ReferralContactName,
                    referral.ServiceCategory, referral.Quartier, referral.RespondBy!.Value, date));
            }
        }

        return outgoing;
    }
}

/// <summary>
/// The notice to the partner's contact for referrals about a referral that ended before the partner answered it: which
/// referral (as the partner knows it) and a cause in fixed words, never the case manager's free text or anything about
/// the resident. A partner without an address for referrals gets none (staff see the referral in the list).
/// </summary>
internal static class WithdrawalNotices
{
    public static string ReasonFor(ReferralWithdrawalCause cause) => cause switch
    {
        ReferralWithdrawalCause.ConsentWithdrawn => "Einwilligung widerrufen",
        ReferralWithdrawalCause.CaseClosed => "Fall abgeschlossen",
        _ => "Entscheidung des Fallmanagements",
    };

    public static async Task<ReferralWithdrawalNotice?> ForAsync(PartnerReferral referral, ReferralWithdrawalCause cause, IQuerySession session, Instant now, CancellationToken cancellationToken)
    {
        var listing = (await session.LoadAsync<Partner>(referral.PartnerId, cancellationToken))?.ToListing();
        return listing?.ReferralEmail is { } email
            ? new ReferralWithdrawalNotice(Guid.NewGuid(), now, referral.Id, referral.PartnerId, listing.Name, email, listing.ReferralContactName,
                referral.ServiceCategory, referral.Quartier, referral.RequestedAt.InBerlin().Date, ReasonFor(cause))
            : null;
    }
}
