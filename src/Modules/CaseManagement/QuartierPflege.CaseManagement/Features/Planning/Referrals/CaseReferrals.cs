using Marten;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>
/// The referrals of a Quartier's cases with exactly what <see cref="ReferralRequested"/> disclosed (contact details only
/// when the resident agreed) and the state the partners' answers brought them to.
/// </summary>
internal sealed class CaseReferrals(IQuerySession session) : ICaseReferrals
{
    public async Task<IReadOnlyList<CaseReferral>> InQuartierAsync(string quartier, CancellationToken cancellationToken)
    {
        var cases = (await session.Query<Case>().Where(c => c.Quartier == quartier).ToListAsync(cancellationToken)).ToDictionary(c => c.Id);
        var caseIds = cases.Keys.ToArray();
        var steps = await session.Query<PlanStep>().Where(s => s.CaseId.IsOneOf(caseIds) && s.ReferralId != null).ToListAsync(cancellationToken);
        var residents = (await session.LoadManyAsync<Resident>(cancellationToken, steps.Select(s => cases[s.CaseId].ResidentId).Distinct()))
            .ToDictionary(r => r.Id);
        return [.. steps.Select(s =>
        {
            var @case = cases[s.CaseId];
            var referral = s.Referral!;
            var contact = referral.ContactDetailsDisclosed && residents.TryGetValue(@case.ResidentId, out var r)
                ? new ReferralContactDetails(r.DisplayName, r.Street, r.HouseNumber, r.Flat, r.PostalCode, r.City, r.Phone)
                : null;
            return new CaseReferral(referral.Id, @case.Id, referral.PartnerId, referral.ServiceCategory, @case.Quartier, referral.DisclosedSummary, contact,
                referral.RespondBy, referral.SentAt, (CaseReferralState)(int)referral.Status, referral.AnsweredAt, referral.CompletedAt,
                referral.ContactPerson, referral.Reason, @case.ClosedOn);
        })];
    }
}
