using NodaTime;
using Npgsql;
using NpgsqlTypes;

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

    public async Task LoadAsync(NpgsqlDataSource dataSource, int residents, int cases, int caseManagers)
    {
        for (var i = 0; i < caseManagers; i++)
        {
            CaseManagers.Add((Guid.CreateVersion7(), $"{Pick(FirstNames)} {Pick(LastNames)}"));
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var residentQuartier = new Dictionary<Guid, string>(residents);
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY case_management.residents (id, first_name, last_name, date_of_birth, street, house_number, flat, postal_code, city, quartier, " +
            "phone, care_level, tenancy_number, languages, created_at, created_by) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < residents; i++)
            {
                var id = Guid.CreateVersion7();
                var quartier = Pick(Quartiere);
                ResidentIds.Add(id);
                residentQuartier[id] = quartier;
                await import.StartRowAsync();
                await import.WriteAsync(id, NpgsqlDbType.Uuid);
                await import.WriteAsync(Pick(FirstNames), NpgsqlDbType.Varchar);
                await import.WriteAsync(Pick(LastNames), NpgsqlDbType.Varchar);
                await import.WriteAsync(new DateOnly(1930 + _random.Next(35), 1 + _random.Next(12), 1 + _random.Next(28)), NpgsqlDbType.Date);
                await import.WriteAsync(Pick(Streets), NpgsqlDbType.Varchar);
                await import.WriteAsync((1 + _random.Next(80)).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await import.WriteNullAsync();
                await import.WriteAsync("09" + _random.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await import.WriteAsync(quartier.Split('-')[0], NpgsqlDbType.Varchar);
                await import.WriteAsync(quartier, NpgsqlDbType.Varchar);
                await import.WriteAsync("0371 " + _random.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await import.WriteAsync(_random.Next(6) == 0 ? "None" : "Pflegegrad" + (1 + _random.Next(5)), NpgsqlDbType.Varchar);
                await import.WriteNullAsync();
                await import.WriteAsync(new[] { "Deutsch" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(BenchServices.Now.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                await import.WriteAsync(CaseManagers[0].Id, NpgsqlDbType.Uuid);
            }

            await import.CompleteAsync();
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY case_management.cases (id, number, resident_id, case_manager_id, case_manager_name, deputy_id, deputy_name, status, opened_on, " +
            "closed_on, last_contact_on, quartier, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < cases; i++)
            {
                // Every resident has one case; the rest are older (mostly closed) cases of some of them.
                var residentId = i < residents ? ResidentIds[i] : Pick(ResidentIds);
                var closed = i >= residents ? _random.Next(10) < 8 : _random.Next(10) < 2;
                var status = closed ? "Closed" : Pick(["Open", "InProgress", "InProgress", "Dormant"]);
                var manager = Pick(CaseManagers);
                var deputy = _random.Next(2) == 0 ? Pick(CaseManagers) : default;
                var openedOn = Today.PlusDays(-_random.Next(30, 1500));
                var id = Guid.CreateVersion7();
                Cases.Add((id, openedOn, !closed));
                await import.StartRowAsync();
                await import.WriteAsync(id, NpgsqlDbType.Uuid);
                await import.WriteAsync($"F-{openedOn.Year}-{i + 1:000000}", NpgsqlDbType.Varchar);
                await import.WriteAsync(residentId, NpgsqlDbType.Uuid);
                await import.WriteAsync(manager.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(manager.Name, NpgsqlDbType.Varchar);
                if (deputy.Id == Guid.Empty || deputy.Id == manager.Id)
                {
                    await import.WriteNullAsync();
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(deputy.Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(deputy.Name, NpgsqlDbType.Varchar);
                }

                await import.WriteAsync(status, NpgsqlDbType.Varchar);
                await import.WriteAsync(openedOn.ToDateOnly(), NpgsqlDbType.Date);
                if (closed)
                {
                    await import.WriteAsync(Today.PlusDays(-_random.Next(1, 30)).ToDateOnly(), NpgsqlDbType.Date);
                }
                else
                {
                    await import.WriteNullAsync();
                }

                await import.WriteAsync(Today.PlusDays(-_random.Next(0, 60)).ToDateOnly(), NpgsqlDbType.Date);
                await import.WriteAsync(residentQuartier[residentId], NpgsqlDbType.Varchar);
                await import.WriteAsync(BenchServices.Now.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync();
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY case_management.follow_ups (id, case_id, due_on, title, note, created_at, created_by, created_by_name, done_at, done_by, " +
            "done_by_name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (caseId, openedOn, open) in Cases.Where(_ => _random.Next(3) == 0))
            {
                for (var n = 1 + _random.Next(3); n > 0; n--)
                {
                    var done = !open || _random.Next(3) == 0;
                    await import.StartRowAsync();
                    await import.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await import.WriteAsync(caseId, NpgsqlDbType.Uuid);
                    var due = Today.PlusDays(_random.Next(-40, 40));
                    await import.WriteAsync((due < openedOn ? openedOn : due).ToDateOnly(), NpgsqlDbType.Date);
                    await import.WriteAsync(Pick(FollowUpTitles), NpgsqlDbType.Varchar);
                    await import.WriteNullAsync();
                    await import.WriteAsync(BenchServices.Now.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                    await import.WriteAsync(CaseManagers[0].Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(CaseManagers[0].Name, NpgsqlDbType.Varchar);
                    if (done)
                    {
                        await import.WriteAsync(BenchServices.Now.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                        await import.WriteAsync(CaseManagers[0].Id, NpgsqlDbType.Uuid);
                        await import.WriteAsync(CaseManagers[0].Name, NpgsqlDbType.Varchar);
                    }
                    else
                    {
                        await import.WriteNullAsync();
                        await import.WriteNullAsync();
                        await import.WriteNullAsync();
                    }
                }
            }

            await import.CompleteAsync();
        }

        // As autovacuum would after a load: statistics for the planner, visibility map for index-only scans.
        foreach (var table in new[] { "residents", "cases", "follow_ups" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE case_management.{table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public int Next(int max) => _random.Next(max);
}
