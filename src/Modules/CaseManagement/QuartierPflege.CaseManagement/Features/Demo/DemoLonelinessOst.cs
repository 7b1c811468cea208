using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>
/// Döbeln-Ost for the Quartier-Lagebild: ten residents with loneliness (Vereinsamung) whose cases were opened over the
/// last twelve months (one closed since), so the figure rises to nine open cases; two with rent arrears (a figure under
/// five). Cases without a plan yet: the demo of the Wege-Hilfe-Plan is Döbeln-Nord's. Fixed ids (see
/// <see cref="DemoLonelinessCases"/>): seeded once, a second run finds the first case and changes nothing.
/// </summary>
internal sealed class DemoLonelinessOst(IDocumentSession session, IClock clock)
{
    private static readonly (string First, string Last, int MonthsAgo, int? ClosedMonthsAgo, ProblemKind Kind)[] People =
    [
        ("Gertrud", "Lehmann", 11, null, ProblemKind.Loneliness),
        ("Horst", "Winkler", 9, null, ProblemKind.Loneliness),
        ("Irmgard", "Bauer", 7, null, ProblemKind.Loneliness),
        ("Manfred", "Schreiber", 6, null, ProblemKind.Loneliness),
        ("Edith", "Sommer", 4, null, ProblemKind.Loneliness),
        ("Waltraud", "Kühn", 3, null, ProblemKind.Loneliness),
        ("Siegfried", "Brandt", 2, null, ProblemKind.Loneliness),
        ("Margot", "Pfeiffer", 1, null, ProblemKind.Loneliness),
        ("Liselotte", "Horn", 0, null, ProblemKind.Loneliness),
        ("Rudolf", "Graf", 10, 5, ProblemKind.Loneliness),
        ("Elfriede", "Martin", 5, null, ProblemKind.RentArrears),
        ("Lothar", "Keller", 2, null, ProblemKind.RentArrears),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Case>(DemoLonelinessCases.CaseIdOf(0), cancellationToken) is not null)
        {
            return;
        }

        var today = clock.Today();
        var owner = DemoAccounts.Fallmanagement2;
        var deputy = DemoAccounts.Fallmanagement;
        for (var i = 0; i < People.Length; i++)
        {
            var (first, last, monthsAgo, closedMonthsAgo, kind) = People[i];
            // Within the month n months ago (this month: a few days ago at most), never in the future.
            var openedOn = LocalDate.Min(today, today.PlusMonths(-monthsAgo).With(DateAdjusters.StartOfMonth).PlusDays(1 + (i % 5)));
            var visited = i < DemoLonelinessCases.Visited.Count ? DemoLonelinessCases.Visited[i] : default;
            var resident = new Resident
            {
                Id = new Guid($"d3e0e100-0000-4000-8000-{i + 1:000000000000}"),
                FirstName = first,
                LastName = last,
                DateOfBirth = today.PlusYears(-(72 + (i * 2 % 19))).PlusDays(-(i * 37)),
                Street = visited.Street ?? "Straße des Friedens",
                HouseNumber = visited.HouseNumber ?? (40 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PostalCode = "04720",
                City = "Döbeln",
                Quartier = DemoLonelinessCases.Quartier,
                Languages = ["Deutsch"],
                CreatedAt = Berlin.StartOfDay(openedOn),
                CreatedBy = owner.Id,
            };
            LocalDate? closedOn = closedMonthsAgo is { } c ? today.PlusMonths(-c).With(DateAdjusters.StartOfMonth).PlusDays(10) : null;
            var @case = new Case
            {
                Id = DemoLonelinessCases.CaseIdOf(i),
                Number = await session.NextCaseNumberAsync(openedOn.Year, cancellationToken),
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                ResidentSearchName = resident.SearchName,
                CaseManagerId = owner.Id,
                CaseManagerName = owner.DisplayName,
                DeputyId = deputy.Id,
                DeputyName = deputy.DisplayName,
                Status = closedOn is null ? CaseStatus.InProgress : CaseStatus.Closed,
                OpenedOn = openedOn,
                ClosedOn = closedOn,
                ClosingReason = closedOn is null ? null : ClosingReason.MovedAway,
                LastContactOn = closedOn ?? LocalDate.Max(openedOn, today.PlusDays(-(i % 9))),
                Quartier = DemoLonelinessCases.Quartier,
                CreatedAt = Berlin.StartOfDay(openedOn),
            };
            session.Insert(resident);
            session.Insert(@case);
            session.Insert(new Consent
            {
                ResidentId = resident.Id, Purpose = ConsentPurpose.StoreData, GivenOn = openedOn, Form = ConsentForm.Written,
                RecordedBy = owner.Id, RecordedByName = owner.DisplayName, RecordedAt = Berlin.StartOfDay(openedOn),
            });
            session.Insert(new ProblemSituation
            {
                Id = new Guid($"d3e0e200-0000-4000-8000-{i + 1:000000000000}"),
                CaseId = @case.Id,
                Kind = kind,
                Description = kind == ProblemKind.Loneliness
                    ? "Lebt allein, kaum Kontakte seit dem Tod des Partners bzw. dem Wegzug der Familie; wünscht sich regelmäßigen Besuch."
                    : "Mietrückstand, Mahnungen der Genossenschaft.",
                CreatedAt = Berlin.StartOfDay(openedOn),
                Outcome = closedOn is null ? null : ProblemOutcome.NotPursued,
            });
        }

        await session.SaveChangesAsync(cancellationToken);
    }
}
