using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>
/// One pass over Partners' records for a date: the sweep applies it (the handler holds the module's sweep lock, and each
/// changed document is saved under its revision), the forecast only counts.
/// </summary>
internal static class PartnersRetentionWork
{
    public static async Task<IReadOnlyList<RetentionCount>> RunAsync(
        IQuerySession query, IDocumentSession? apply, LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        var referralPeriod = periods.For(PartnersPersonalData.ReferralKey);
        var cutoff = referralPeriod.Before(date);
        var referrals = (await query.Query<PartnerReferral>()
                .Where(r => r.AnonymisedOn == null && r.CaseClosedOn != null && r.CaseClosedOn < cutoff)
                .ToListAsync(cancellationToken))
            .Where(r => PartnersRetention.ReferralDue(r, referralPeriod, date))
            .ToList();
        var contactPeriod = periods.For(PartnersPersonalData.ContactPersonKey);
        var partners = (await query.Query<Partner>().Where(p => p.Status == PartnerStatus.Ended).ToListAsync(cancellationToken))
            .Where(p => PartnersRetention.ContactPersonsDue(p, contactPeriod, date))
            .ToList();
        var meetingPeriod = periods.For(PartnersPersonalData.MeetingKey);
        var meetingCutoff = meetingPeriod.Before(date);
        var meetings = (await query.Query<NetworkMeeting>().Where(m => m.AnonymisedOn == null && m.Date < meetingCutoff).ToListAsync(cancellationToken))
            .Where(m => PartnersRetention.MeetingDue(m, meetingPeriod, date))
            .ToList();

        var readCutoff = Berlin.StartOfDay(periods.For(PartnersPersonalData.ContactReadKey).Before(date));
        var reads = await query.Query<PartnerContactRead>().Where(r => r.ReadAt < readCutoff).Select(r => r.Id).ToListAsync(cancellationToken);

        var contactPersons = partners.Sum(p => p.ContactPersons.Count);
        if (apply is not null)
        {
            foreach (var referral in referrals)
            {
                PartnersRetention.Anonymise(referral, date);
                apply.UpdateRevision(referral, referral.Version + 1L);
            }

            foreach (var partner in partners)
            {
                PartnersRetention.RemoveContactPersons(partner);
                apply.UpdateRevision(partner, partner.Version + 1L);
            }

            foreach (var meeting in meetings)
            {
                PartnersRetention.Anonymise(meeting, date);
                apply.UpdateRevision(meeting, meeting.Version + 1L);
            }

            if (reads.Count > 0)
            {
                apply.AllowRetentionDeletes();
                foreach (var id in reads)
                {
                    apply.Delete<PartnerContactRead>(id);
                }
            }
        }

        return
        [
            new RetentionCount(PartnersPersonalData.ContactPersonKey, 0, contactPersons),
            new RetentionCount(PartnersPersonalData.ReferralKey, referrals.Count, 0),
            new RetentionCount(PartnersPersonalData.MeetingKey, meetings.Count, 0),
            new RetentionCount(PartnersPersonalData.ContactReadKey, 0, reads.Count),
        ];
    }
}
