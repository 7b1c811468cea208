using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Opening;

internal sealed record CaseManagerOption(Guid Id, string Name);

/// <summary>
/// The people a deputy can be chosen from: everyone who has owned or deputised a case. The module cannot read the
/// sign-in store, so a colleague without any case yet is entered through the API (id and name) once.
/// </summary>
internal sealed class CaseManagers(CaseManagementDbContext db, ICurrentUser user)
{
    public async Task<IReadOnlyList<CaseManagerOption>> DeputyCandidatesAsync(CancellationToken cancellationToken)
    {
        var owners = await db.Cases.Select(c => new { Id = c.CaseManagerId, Name = c.CaseManagerName }).Distinct().ToListAsync(cancellationToken);
        var deputies = await db.Cases.Where(c => c.DeputyId != null).Select(c => new { Id = c.DeputyId!.Value, Name = c.DeputyName! })
            .Distinct().ToListAsync(cancellationToken);
        var me = user.Id;
        return [.. owners.Concat(deputies)
            .Where(p => p.Id != me)
            .GroupBy(p => p.Id)
            .Select(g => new CaseManagerOption(g.Key, g.First().Name))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }
}
