using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.Overview;

/// <summary>A concern that became the case or was attached to it: why the case exists, in the reporter's words.</summary>
internal sealed record CaseConcern(Guid Id, string Description, string ReportedByName, Instant ReportedAt, bool OpenedTheCase);

internal static class CaseConcerns
{
    public static async Task<IReadOnlyList<CaseConcern>> OfCaseAsync(IQuerySession session, Guid caseId, CancellationToken cancellationToken)
    {
        Guid? ofCase = caseId;
        var concerns = await session.Query<Concern>().Where(c => c.CaseId == ofCase).ToListAsync(cancellationToken);
        return [.. concerns.OrderBy(c => c.ReportedAt)
            .Select(c => new CaseConcern(c.Id, c.Description, c.ReportedByName, c.ReportedAt, c.Status == ConcernStatus.TurnedIntoCase))];
    }
}
