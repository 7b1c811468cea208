using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features.Demo;

/// <summary>
/// The Quartier-Lagebild's demo gap in Döbeln-Ost: the four demo neighbours there who are active in the Besuchsdienst
/// (<see cref="DemoHelpers.VisitorsOst"/>) each visit one of Case Management's demo residents with loneliness for the
/// role's whole monthly limit (20 hours), so no visiting hours are free this month. Running assignments as a snapshot
/// (no message), with the request Case Management's demo plan asked for when it has one (same ids on both sides, what
/// <c>neighbour-help-requested</c> disclosed), so the resident's copy and the case's plan show the same help. No visit
/// logs: the Lagebild's hours of last month stay those of the Quartier's other neighbours. Fixed ids; a second run adds
/// nothing.
/// </summary>
internal static class DemoLonelinessVisits
{
    public static async Task AddAsync(IDocumentSession session, IClock clock, IReadOnlyList<OpenNeighbourHelp> open, CancellationToken cancellationToken)
    {
        var ids = Enumerable.Range(0, DemoHelpers.VisitorsOst.Count).Select(DemoHelpers.VisitAssignmentIdOf).ToArray();
        var requestIds = Enumerable.Range(0, DemoHelpers.VisitorsOst.Count).Select(DemoHelpers.VisitRequestIdOf).ToArray();
        var known = (await session.LoadManyAsync<Assignment>(cancellationToken, ids)).Select(a => a.Id).ToHashSet();
        var knownRequests = (await session.LoadManyAsync<HelpRequest>(cancellationToken, requestIds)).Select(r => r.Id).ToHashSet();
        var today = clock.Today();
        for (var i = 0; i < DemoHelpers.VisitorsOst.Count; i++)
        {
            var (caseId, street, houseNumber) = DemoLonelinessCases.Visited[i];
            if (!knownRequests.Contains(requestIds[i]) && open.FirstOrDefault(r => r.RequestId == requestIds[i]) is { } help)
            {
                session.Insert(new HelpRequest
                {
                    Id = help.RequestId, CaseId = help.CaseId, ResidentId = help.ResidentId, Quartier = help.Quartier,
                    Street = help.ResidentAddress.Street, HouseNumber = help.ResidentAddress.HouseNumber, Flat = help.ResidentAddress.Flat,
                    RoleProfileKey = help.RoleProfileKey, Description = help.Description, HoursPerMonth = help.HoursPerMonth,
                    PreferredTimes = help.PreferredTimes, StartsOn = help.StartsOn, Proposed = [.. help.ProposedVolunteerIds],
                });
            }

            if (known.Contains(ids[i]))
            {
                continue;
            }

            session.Insert(new Assignment
            {
                Id = ids[i], RequestId = requestIds[i], CaseId = caseId, VolunteerId = DemoHelpers.VisitorsOst[i].VolunteerId, RoleProfileKey = "besuchsdienst",
                CompensationModelKey = "unentgeltlich", Street = street, HouseNumber = houseNumber,
                Description = Description, HoursPerMonth = 20,
                StartsOn = StartsOn(today, i),
            });
        }
    }

    /// <summary>What the visits are about (Case Management's demo plan asks for the same).</summary>
    public const string Description = "Besuchsdienst: Gespräche, Spaziergänge, gemeinsam zum Seniorentreff.";

    private static LocalDate StartsOn(LocalDate today, int index) => today.PlusMonths(-(2 + index)).With(DateAdjusters.StartOfMonth);
}
