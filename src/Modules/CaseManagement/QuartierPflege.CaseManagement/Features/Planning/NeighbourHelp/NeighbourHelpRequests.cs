using Marten;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;

/// <summary>
/// The open neighbour help of open cases, with exactly what <see cref="NeighbourHelpRequested"/> discloses (address,
/// description; no name, no health data). Withdrawn help and closed cases are left out: Volunteers has dropped those.
/// </summary>
internal sealed class NeighbourHelpRequests(IQuerySession session) : INeighbourHelpRequests
{
    public async Task<IReadOnlyList<OpenNeighbourHelp>> OpenAsync(CancellationToken cancellationToken)
    {
        var steps = (await session.Query<PlanStep>().Where(s => s.NeighbourHelpId != null).ToListAsync(cancellationToken))
            .Where(s => s.IsOpen && s.NeighbourHelp!.Status != NeighbourHelpStatus.Withdrawn)
            .ToList();
        var cases = (await session.LoadManyAsync<Case>(cancellationToken, steps.Select(s => s.CaseId).Distinct()))
            .Where(c => !c.IsClosed)
            .ToDictionary(c => c.Id);
        var residents = (await session.LoadManyAsync<Resident>(cancellationToken, cases.Values.Select(c => c.ResidentId).Distinct()))
            .ToDictionary(r => r.Id);
        return [.. steps.Where(s => cases.ContainsKey(s.CaseId)).Select(s =>
        {
            var @case = cases[s.CaseId];
            var resident = residents[@case.ResidentId];
            var help = s.NeighbourHelp!;
            return new OpenNeighbourHelp(help.Id, @case.Id, resident.Id, @case.Quartier, new ResidentAddress(resident.Street, resident.HouseNumber, resident.Flat),
                help.RoleProfileKey, help.Description, help.HoursPerMonth, help.PreferredTimes, help.StartsOn,
                [.. help.Candidates.Select(c => c.VolunteerId)], help.ChosenVolunteerId, help.AssignmentId);
        })];
    }
}
