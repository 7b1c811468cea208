using Marten;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Directory;

/// <summary>
/// The referrals of Case Management's demo cases (seeded before: Order 20) as they reached the partners, with the case's
/// referral ids and case ids: the partners' referral lists, the partner pages and a resident's Art. 15 copy show the
/// same referrals as the cases' plans. A snapshot, like the neighbour help's (<see cref="ICaseReferrals"/>): replaying
/// <c>referral-requested</c> would mail every demo partner and leave the answers the plans already show to a race.
/// Idempotent per referral id.
/// </summary>
internal sealed class DemoCaseReferrals(IDocumentSession session, ICaseReferrals cases) : IDemoDataSeeder
{
    private static readonly string[] Quartiere = [DemoPartners.Nord, DemoPartners.Ost, DemoPartners.Zentrum, DemoPartners.Grossweitzschen, DemoPartners.Hartha];

    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var referrals = new List<CaseReferral>();
        foreach (var quartier in Quartiere)
        {
            referrals.AddRange(await cases.InQuartierAsync(quartier, cancellationToken));
        }

        var known = (await session.LoadManyAsync<PartnerReferral>(cancellationToken, referrals.Select(r => r.ReferralId))).Select(r => r.Id).ToHashSet();
        var missing = referrals.Where(r => !known.Contains(r.ReferralId)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var partners = (await session.LoadManyAsync<Partner>(cancellationToken, missing.Select(r => r.PartnerId).Distinct())).ToDictionary(p => p.Id);
        foreach (var referral in missing.Where(r => partners.ContainsKey(r.PartnerId)))
        {
            var contact = referral.ContactDetails;
            var status = Status(referral.State);
            var closed = referral.CaseClosedOn is not null && status is PartnerReferralStatus.Open or PartnerReferralStatus.Accepted;
            session.Insert(new PartnerReferral
            {
                Id = referral.ReferralId,
                CaseId = referral.CaseId,
                PartnerId = referral.PartnerId,
                PartnerName = partners[referral.PartnerId].Name,
                ServiceCategory = referral.ServiceCategory,
                Quartier = referral.Quartier,
                DisclosedSummary = referral.DisclosedSummary,
                Resident = contact is null
                    ? null
                    : new ReferralResident(contact.Name, contact.Street, contact.HouseNumber, contact.Flat, contact.PostalCode, contact.City, contact.Phone),
                RespondBy = referral.RespondBy,
                RequestedAt = referral.SentAt,
                Status = closed ? PartnerReferralStatus.CaseClosed : status,
                AnsweredAt = referral.AnsweredAt,
                CompletedAt = referral.CompletedAt,
                ContactPerson = referral.ContactPerson,
                Reason = referral.Reason,
                CaseClosedOn = referral.CaseClosedOn,
            });
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static PartnerReferralStatus Status(CaseReferralState state) => state switch
    {
        CaseReferralState.Sent => PartnerReferralStatus.Open,
        CaseReferralState.Accepted => PartnerReferralStatus.Accepted,
        CaseReferralState.Declined => PartnerReferralStatus.Declined,
        CaseReferralState.CompletedSuccessfully => PartnerReferralStatus.CompletedSuccessfully,
        CaseReferralState.CompletedUnsuccessfully => PartnerReferralStatus.CompletedUnsuccessfully,
        _ => PartnerReferralStatus.Withdrawn,
    };
}
