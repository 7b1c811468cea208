using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features.Demo;

/// <summary>
/// The Quartier-Lagebild's demo gap in Döbeln-Ost: the four demo neighbours there who are active in the Besuchsdienst
/// (volunteers 1, 11, 16 and 26) each visit one of Case Management's demo residents with loneliness for the role's whole
/// monthly limit (20 hours), so no visiting hours are free this month. Running assignments as a snapshot (no request,
/// no message: they were set up before these cases had a Wege-Hilfe-Plan). Fixed ids; a second run adds nothing.
/// </summary>
internal static class DemoLonelinessVisits
{
    private static readonly int[] Visitors = [1, 11, 16, 26];

    public static async Task AddAsync(IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        var ids = Visitors.Select(IdOf).ToArray();
        var known = (await session.LoadManyAsync<Assignment>(cancellationToken, ids)).Select(a => a.Id).ToHashSet();
        var today = clock.Today();
        for (var i = 0; i < Visitors.Length; i++)
        {
            if (known.Contains(ids[i]))
            {
                continue;
            }

            var (caseId, street, houseNumber) = DemoLonelinessCases.Visited[i];
            session.Insert(new Assignment
            {
                Id = ids[i], RequestId = RequestIdOf(i), CaseId = caseId, VolunteerId = DemoVolunteers.IdOf(Visitors[i]), RoleProfileKey = "besuchsdienst",
                CompensationModelKey = "unentgeltlich", Street = street, HouseNumber = houseNumber,
                Description = "Besuchsdienst: Gespräche, Spaziergänge, gemeinsam zum Seniorentreff.", HoursPerMonth = 20,
                StartsOn = today.PlusMonths(-(2 + i)).With(DateAdjusters.StartOfMonth),
            });
        }
    }

    private static Guid IdOf(int index) => new($"d3e0e300-0000-4000-8000-{index + 1:000000000000}");

    private static Guid RequestIdOf(int index) => new($"d3e0e400-0000-4000-8000-{index + 1:000000000000}");
}
