using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Planning.Referrals;

/// <summary>The active partners that cover the case's Quartier (optionally for one service category).</summary>
internal sealed class FindPartnerChoices(PlanningCases cases, IPartnerDirectory partners)
{
    public async Task<IReadOnlyList<PartnerListing>?> HandleAsync(Guid caseId, string? serviceCategory, CancellationToken cancellationToken)
    {
        var @case = await cases.FindAsync(caseId, cancellationToken);
        return @case is null
            ? null
            : (await partners.FindPartnersAsync(string.IsNullOrWhiteSpace(serviceCategory) ? null : serviceCategory, @case.Quartier, cancellationToken))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }
}
