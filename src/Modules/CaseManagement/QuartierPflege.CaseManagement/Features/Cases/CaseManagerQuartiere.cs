using System.Globalization;
using Marten;
using QuartierPflege.CaseManagement.Contracts.Cases;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>One grouped query over the duplicated case columns (case manager, deputy, status, Quartier).</summary>
internal sealed class CaseManagerQuartiere(IQuerySession session) : ICaseManagerQuartiere
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);

    public async Task<IReadOnlyList<string>> OfOpenCasesAsync(Guid userId, CancellationToken cancellationToken)
    {
        var quartiere = await session.Query<Case>()
            .Where(c => (c.CaseManagerId == userId || c.DeputyId == userId) && c.Status != CaseStatus.Closed)
            .Select(c => c.Quartier)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. quartiere.Order(German)];
    }
}
