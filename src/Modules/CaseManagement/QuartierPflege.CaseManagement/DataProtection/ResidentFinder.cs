using Marten;
using Marten.Linq.MatchesSql;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>Coordination picks the resident of an Art. 15 copy or an Art. 17 erasure by name (the same name search as the resident list).</summary>
internal sealed class ResidentFinder(IQuerySession session) : IDataSubjectFinder
{
    private const int MaxMatches = 20;

    public DataSubjectKind Kind => DataSubjectKind.Resident;

    public async Task<IReadOnlyList<DataSubjectMatch>> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var words = ResidentSearch.Words(query).Take(5).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        // Anonymised residents are nobody any more: there is nothing to copy or erase about them.
        IQueryable<Resident> residents = session.Query<Resident>().Where(r => r.AnonymisedOn == null);
        foreach (var word in words)
        {
            var (sql, parameters) = ResidentSearch.WordCondition("d.search_name", word);
            residents = residents.Where(r => r.MatchesSql(sql, parameters));
        }

        var found = await residents.OrderBy(r => r.SearchName).ThenBy(r => r.Id).Take(MaxMatches).ToListAsync(cancellationToken);
        return [.. found.Select(r => new DataSubjectMatch(DataSubjectKind.Resident, r.Id, r.DisplayName, $"geb. {GermanDates.Show(r.DateOfBirth)}, {r.Quartier}"))];
    }

    public async Task<DataSubject?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Resident>(id, cancellationToken) is not { AnonymisedOn: null } resident)
        {
            return null;
        }

        var caseIds = await session.Query<Case>().Where(c => c.ResidentId == id).Select(c => c.Id).ToListAsync(cancellationToken);
        return new DataSubject(DataSubjectKind.Resident, resident.Id, resident.DisplayName, [.. caseIds], null);
    }
}
