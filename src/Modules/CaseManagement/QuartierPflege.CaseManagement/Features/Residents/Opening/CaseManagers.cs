using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Residents.Opening;

internal sealed record CaseManagerOption(Guid Id, string Name);

/// <summary>
/// The people a deputy can be chosen from: everyone who has owned or deputised a case. The module cannot read the
/// sign-in store, so a colleague without any case yet is entered through the API (id and name) once.
/// </summary>
internal sealed class CaseManagers(IQuerySession session, ICurrentUser user)
{
    public async Task<IReadOnlyList<CaseManagerOption>> DeputyCandidatesAsync(CancellationToken cancellationToken)
    {
        var owners = (await session.Query<Case>().Select(c => new { c.CaseManagerId, c.CaseManagerName }).Distinct().ToListAsync(cancellationToken))
            .Select(o => new CaseManagerOption(o.CaseManagerId, o.CaseManagerName));
        var deputies = (await session.Query<Case>().Where(c => c.DeputyId != null).Select(c => new { c.DeputyId, c.DeputyName })
            .Distinct().ToListAsync(cancellationToken)).Select(d => new CaseManagerOption(d.DeputyId!.Value, d.DeputyName!));
        var me = user.Id;
        return [.. owners.Concat(deputies)
            .Where(p => p.Id != me)
            .GroupBy(p => p.Id)
            .Select(g => new CaseManagerOption(g.Key, g.First().Name))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }
}
