using System.Globalization;
using Marten;
using NodaTime;
using Npgsql;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.Bench.Cases;

/// <summary>A programme of realistic size: German names, several Quartiere, many case managers, a history of closed cases.</summary>
internal sealed class TestData(int seed)
{
    public static readonly LocalDate Today = new(2026, 3, 2);

    public static readonly string[] Quartiere =
    [
        "Döbeln-Nord", "Döbeln-Ost", "Döbeln-Zentrum", "Schneeberg-Mitte", "Schneeberg-Neustädtel", "Chemnitz-Sonnenberg",
        "Chemnitz-Kaßberg", "Chemnitz-Yorckgebiet", "Chemnitz-Gablenz", "Freiberg-Wasserberg", "Zwickau-Eckersbach", "Mittweida-Süd",
    ];

    public static readonly string[] FirstNames =
    [
        "Erika", "Gerda", "Ursula", "Ingrid", "Helga", "Renate", "Gisela", "Brigitte", "Christa", "Karin", "Monika", "Hannelore",
        "Elfriede", "Irmgard", "Margot", "Waltraud", "Anneliese", "Rosemarie", "Edith", "Lieselotte", "Hildegard", "Marianne",
        "Hans", "Günter", "Klaus", "Horst", "Manfred", "Dieter", "Werner", "Gerhard", "Peter", "Wolfgang", "Heinz", "Jürgen",
        "Helmut", "Siegfried", "Rudolf", "Karl-Heinz", "Lothar", "Joachim", "Bernd", "Rainer", "Eberhard", "Fritz", "Kurt", "Otto",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch",
        "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
        "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
        "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn",
        "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann",
        "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt",
        "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich",
        "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
        "Ebert", "Uhlig", "Lindner", "Haase", "Kretzschmar", "Seifert", "Böttcher", "Petzold", "Schönherr", "Hänel", "Wünsche", "Rößler",
    ];

    private static readonly string[] Streets =
    [
        "Bahnhofstraße", "Hauptstraße", "Schillerstraße", "Goethestraße", "Lindenstraße", "Am Markt", "Bergstraße", "Rosa-Luxemburg-Straße",
        "Karl-Marx-Straße", "Zschopauer Straße", "Sonnenstraße", "Gartenstraße", "Dresdner Straße", "Leipziger Straße", "Parkstraße",
    ];

    private static readonly string[] FollowUpTitles =
    [
        "Rückruf Tochter", "Pflegegrad-Antrag nachfragen", "Hausnotruf prüfen", "Termin Hausarzt bestätigen", "Mietrückstand klären",
        "Einkaufshilfe nachfragen", "Nachbarschaftsstreit: Gespräch", "Wohngeldantrag", "Rollator geliefert?", "Besuch nach Sturz",
    ];

    private readonly Random _random = new(seed);

    public List<(Guid Id, string Name)> CaseManagers { get; } = [];

    public List<Guid> ResidentIds { get; } = [];

    public List<(Guid Id, LocalDate OpenedOn, bool Open)> Cases { get; } = [];

    /// <summary>Writes the documents with Marten's bulk insert (COPY underneath), as the module stores them.</summary>
    public async Task LoadAsync(IDocumentStore store, NpgsqlDataSource dataSource, int residents, int cases, int caseManagers)
    {
        for (var i = 0; i < caseManagers; i++)
        {
            CaseManagers.Add((Guid.CreateVersion7(), $"{Pick(FirstNames)} {Pick(LastNames)}"));
        }

        var residentDocuments = new List<Resident>(residents);
        for (var i = 0; i < residents; i++)
        {
            var quartier = Pick(Quartiere);
            var resident = new Resident
            {
                FirstName = Pick(FirstNames),
                LastName = Pick(LastNames),
                DateOfBirth = new LocalDate(1930 + _random.Next(35), 1 + _random.Next(12), 1 + _random.Next(28)),
                Street = Pick(Streets),
                HouseNumber = (1 + _random.Next(80)).ToString(CultureInfo.InvariantCulture),
                PostalCode = "09" + _random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
                City = quartier.Split('-')[0],
                Quartier = quartier,
                Phone = "0371 " + _random.Next(100000, 999999).ToString(CultureInfo.InvariantCulture),
                CareLevel = _random.Next(6) == 0 ? CareLevel.None : (CareLevel)(1 + _random.Next(5)),
                Languages = ["Deutsch"],
                CreatedAt = BenchServices.Now,
                CreatedBy = CaseManagers[0].Id,
            };
            ResidentIds.Add(resident.Id);
            residentDocuments.Add(resident);
        }

        await store.BulkInsertAsync(residentDocuments);

        var caseDocuments = new List<Case>(cases);
        CaseStatus[] working = [CaseStatus.Open, CaseStatus.InProgress, CaseStatus.InProgress, CaseStatus.Dormant];
        for (var i = 0; i < cases; i++)
        {
            // Every resident has one case; the rest are older (mostly closed) cases of some of them.
            var resident = i < residents ? residentDocuments[i] : Pick(residentDocuments);
            var closed = i >= residents ? _random.Next(10) < 8 : _random.Next(10) < 2;
            var manager = Pick(CaseManagers);
            var deputy = _random.Next(2) == 0 ? Pick(CaseManagers) : default;
            var hasDeputy = deputy.Id != Guid.Empty && deputy.Id != manager.Id;
            var openedOn = Today.PlusDays(-_random.Next(30, 1500));
            var @case = new Case
            {
                Number = $"F-{openedOn.Year}-{i + 1:000000}",
                ResidentId = resident.Id,
                ResidentName = resident.DisplayName,
                ResidentSearchName = resident.SearchName,
                CaseManagerId = manager.Id,
                CaseManagerName = manager.Name,
                DeputyId = hasDeputy ? deputy.Id : null,
                DeputyName = hasDeputy ? deputy.Name : null,
                Status = closed ? CaseStatus.Closed : working[_random.Next(working.Length)],
                OpenedOn = openedOn,
                ClosedOn = closed ? Today.PlusDays(-_random.Next(1, 30)) : null,
                LastContactOn = Today.PlusDays(-_random.Next(0, 60)),
                Quartier = resident.Quartier,
                CreatedAt = BenchServices.Now,
            };
            Cases.Add((@case.Id, openedOn, !closed));
            caseDocuments.Add(@case);
        }

        await store.BulkInsertAsync(caseDocuments);

        var followUps = new List<FollowUp>();
        foreach (var (caseId, openedOn, open) in Cases.Where(_ => _random.Next(3) == 0))
        {
            for (var n = 1 + _random.Next(3); n > 0; n--)
            {
                var due = Today.PlusDays(_random.Next(-40, 40));
                var followUp = new FollowUp
                {
                    CaseId = caseId,
                    DueOn = due < openedOn ? openedOn : due,
                    Title = Pick(FollowUpTitles),
                    CreatedAt = BenchServices.Now,
                    CreatedBy = CaseManagers[0].Id,
                    CreatedByName = CaseManagers[0].Name,
                };
                if (!open || _random.Next(3) == 0)
                {
                    followUp.MarkDone(true, CaseManagers[0].Id, CaseManagers[0].Name, BenchServices.Now);
                }

                followUps.Add(followUp);
            }
        }

        await store.BulkInsertAsync(followUps);

        // Steps of the Wege-Hilfe-Plan, the dashboard's second overdue source: two in three cases have a plan.
        var steps = new List<PlanStep>();
        foreach (var (caseId, openedOn, open) in Cases.Where(_ => _random.Next(3) != 0))
        {
            var problemId = Guid.CreateVersion7();
            for (var n = 1 + _random.Next(3); n > 0; n--)
            {
                var due = Today.PlusDays(_random.Next(-30, 60));
                var stepId = Guid.CreateVersion7();
                // One step in four is a referral, in every state, for the "Heute" page's referral sections.
                var referral = _random.Next(4) == 0 ? AnyReferral(stepId, due) : null;
                steps.Add(new PlanStep
                {
                    Id = stepId,
                    CaseId = caseId,
                    ProblemId = problemId,
                    Kind = referral is null ? StepKind.InternalAction : StepKind.Referral,
                    Referral = referral,
                    Title = Pick(FollowUpTitles),
                    Owner = CaseManagers[0].Name,
                    DueOn = due < openedOn ? openedOn : due,
                    Status = !open || _random.Next(3) == 0 ? StepStatus.Done : StepStatus.Planned,
                    CreatedAt = BenchServices.Now,
                });
            }
        }

        await store.BulkInsertAsync(steps);

        // As autovacuum would after a load: statistics for the planner, visibility map for index-only scans.
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in new[] { CaseManagementDocuments.Residents, CaseManagementDocuments.Cases, CaseManagementDocuments.FollowUps, PlanningDocuments.PlanSteps })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Referral AnyReferral(Guid stepId, LocalDate due)
    {
        ReferralStatus[] states = [ReferralStatus.Sent, ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.CompletedSuccessfully, ReferralStatus.Withdrawn];
        var status = states[_random.Next(states.Length)];
        var sentAt = BenchServices.Now - Duration.FromDays(_random.Next(1, 60));
        var partner = _random.Next(300);
        return new Referral
        {
            StepId = stepId,
            PartnerId = new Guid(partner, 0, 0, new byte[8]),
            PartnerName = $"Partner {partner}",
            ServiceCategory = "Pflegedienst",
            DisclosedSummary = "Hilfe bei der Körperpflege.",
            RespondBy = _random.Next(3) == 0 ? null : due,
            Status = status,
            SentAt = sentAt,
            AnsweredAt = status == ReferralStatus.Sent ? null : sentAt + Duration.FromDays(2),
        };
    }

    public int Next(int max) => _random.Next(max);
}
