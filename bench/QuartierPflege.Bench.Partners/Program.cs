using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Bench.Partners;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Network;

// bench/partners: the coverage matrix (counted in the database and rendered as the page's HTML table) and the directory
// search on 5,000 partners, 200 Quartiere and 60 service categories, through the code the page and the API call.
// Run through `ops/bench partners`.
const int PartnerCount = 5_000;
const int QuartierCount = 200;
const int CategoryCount = 60;
const int WarmUp = 20;
const int Samples = 200;
const double CoverageTargetMs = 100;
const double SearchTargetMs = 50;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench partners.");
var invariant = CultureInfo.InvariantCulture;

var quartiere = Enumerable.Range(1, QuartierCount).Select(i => $"Quartier {i:000}").ToList();
// The 13 categories the product knows, and more keys as an imported directory could carry them.
var categories = ServiceCategories.Names.Keys.Concat(Enumerable.Range(ServiceCategories.Names.Count + 1, CategoryCount - ServiceCategories.Names.Count)
    .Select(i => $"kategorie-{i:00}")).ToList();
var languages = PartnerLanguages.Names.Keys.ToList();
string[] words = ["Pflege", "Dienst", "Hilfe", "Beratung", "Praxis", "Verein", "Sozial", "Haus", "Mobil", "Stadt", "Land", "Nachbarschaft"];

await using var services = BenchServices.Build(connectionString, quartiere);
var store = services.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);

var random = new Random(2026);
T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
var partners = new List<Partner>(PartnerCount);
for (var i = 0; i < PartnerCount; i++)
{
    var home = random.Next(QuartierCount);
    var partner = new Partner
    {
        Name = $"{Pick(words)}{Pick(words).ToLowerInvariant()} {Pick(words)} {i:0000}",
        Kind = Pick(PartnerKinds.Names.Keys.ToList()),
        ServiceCategories = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(categories)).Distinct()],
        // A partner serves its home Quartier and a few around it.
        Quartiere = [.. Enumerable.Range(0, 1 + random.Next(5)).Select(d => quartiere[Math.Min(QuartierCount - 1, home + d)]).Distinct()],
        Languages = [.. new[] { "de" }.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => Pick(languages))).Distinct()],
        Capacity = random.Next(10) switch { 0 => PartnerCapacity.Full, 1 => PartnerCapacity.WaitingList, _ => PartnerCapacity.Accepting },
        Status = random.Next(20) == 0 ? PartnerStatus.Paused : PartnerStatus.Active,
        Address = $"{Pick(words)}straße {random.Next(1, 80)}, 04720 Döbeln",
        OpeningHours = "Mo–Fr 8–16 Uhr",
    };
    partner.RefreshSearchText();
    partners.Add(partner);
}

var loadWatch = Stopwatch.StartNew();
await store.BulkInsertAsync(partners);
// As autovacuum would after a load: without statistics the planner guesses 127 active partners of 4,763 and filters the
// full-text condition row by row instead of using its index.
await using (var vacuum = services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand($"VACUUM ANALYZE {PartnerDocuments.Partners}"))
{
    await vacuum.ExecuteNonQueryAsync();
}

Console.WriteLine($"load_s={loadWatch.Elapsed.TotalSeconds.ToString("0.0", invariant)}");

CoverageFilter AnyCoverage() => random.Next(4) switch
{
    0 => new CoverageFilter(OnlyWeak: true),
    1 => new CoverageFilter(ServiceCategory: Pick(categories)),
    _ => new CoverageFilter(),
};

// The kinds of search people make; the bench draws them evenly and reports each one's figures besides the whole.
(string Kind, Func<PartnerSearch> Make)[] searchKinds =
[
    ("text", () => new PartnerSearch(Text: Pick(words) + (random.Next(2) == 0 ? "en" : string.Empty))),
    ("category_quartier", () => new PartnerSearch(ServiceCategory: Pick(categories), Quartier: Pick(quartiere))),
    ("text_quartier", () => new PartnerSearch(Text: Pick(words), Quartier: Pick(quartiere))),
    ("language_category", () => new PartnerSearch(Language: Pick(languages), ServiceCategory: Pick(categories))),
    ("quartier_capacity", () => new PartnerSearch(Quartier: Pick(quartiere), Capacity: PartnerCapacity.Accepting)),
    ("category", () => new PartnerSearch(ServiceCategory: Pick(categories))),
    ("all", () => new PartnerSearch()),
];

var cells = 0;
var rendering = new List<double>();
var coverage = await MeasureAsync(async sp =>
{
    var matrix = await sp.GetRequiredService<CoverageQuery>().HandleAsync(AnyCoverage(), CancellationToken.None);
    var rendered = Stopwatch.GetTimestamp();
    var html = CoverageTable.Render(matrix);
    rendering.Add(Stopwatch.GetElapsedTime(rendered).TotalMilliseconds);
    cells = Math.Max(cells, matrix.ServiceCategories.Count * matrix.Quartiere.Count);
    GC.KeepAlive(html);
});
var search = new List<double>();
var searchByKind = new Dictionary<string, List<double>>();
var searchCalls = 0;
var kindOfCall = new string[WarmUp + Samples];
var searchTimings = await MeasureAsync(sp =>
{
    var (kind, make) = searchKinds[searchCalls % searchKinds.Length];
    kindOfCall[searchCalls++] = kind;
    return sp.GetRequiredService<IPartnerDirectory>().SearchAsync(make(), CancellationToken.None);
});
for (var i = 0; i < searchTimings.Count; i++)
{
    var kind = kindOfCall[i + WarmUp];
    search.Add(searchTimings[i]);
    (searchByKind.TryGetValue(kind, out var list) ? list : searchByKind[kind] = []).Add(searchTimings[i]);
}

var coverageP95 = Percentile(coverage, 0.95);
var searchP95 = Percentile(search, 0.95);
Console.WriteLine($"coverage_cells={cells}");
Console.WriteLine($"coverage_p50_ms={Percentile(coverage, 0.50).ToString("0.0", invariant)}");
Console.WriteLine($"coverage_p95_ms={coverageP95.ToString("0.0", invariant)}");
Console.WriteLine($"coverage_render_p95_ms={Percentile(rendering, 0.95).ToString("0.0", invariant)}");
Console.WriteLine($"search_p50_ms={Percentile(search, 0.50).ToString("0.0", invariant)}");
Console.WriteLine($"search_p95_ms={searchP95.ToString("0.0", invariant)}");
foreach (var (kind, timings) in searchByKind)
{
    Console.WriteLine($"search_{kind}_p50_ms={Percentile(timings, 0.50).ToString("0.0", invariant)}");
    Console.WriteLine($"search_{kind}_p95_ms={Percentile(timings, 0.95).ToString("0.0", invariant)}");
}

// The database's own execution time of one search of each kind (EXPLAIN ANALYZE): a figure the machine's load hardly moves.
await using (var session = store.QuerySession())
{
    var directory = new PartnerDirectory(session, services.GetRequiredService<Npgsql.NpgsqlDataSource>());
    foreach (var (kind, make) in searchKinds)
    {
        await using var command = directory.Command(make(), 100, 0);
        var plan = await ExplainAsync(command);
        Console.WriteLine($"explain_{kind}_ms={plan.ExecutionMs.ToString("0.00", invariant)}");
        if (Environment.GetEnvironmentVariable("QP_BENCH_PLANS") == "1")
        {
            Console.Error.WriteLine($"--- {kind}: {command.CommandText}");
            Console.Error.WriteLine(plan.Text);
        }
    }
}

var failures = new List<string>();
if (coverageP95 >= CoverageTargetMs)
{
    failures.Add($"coverage p95 {coverageP95:0.0} ms >= {CoverageTargetMs} ms");
}

if (searchP95 >= SearchTargetMs)
{
    failures.Add($"search p95 {searchP95:0.0} ms >= {SearchTargetMs} ms");
}

Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;

async Task<List<double>> MeasureAsync(Func<IServiceProvider, Task> run)
{
    var timings = new List<double>(Samples);
    for (var i = 0; i < WarmUp + Samples; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            await run(scope.ServiceProvider);
        }

        if (i >= WarmUp)
        {
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    return timings;
}

async Task<(double ExecutionMs, string Text)> ExplainAsync(Npgsql.NpgsqlCommand search)
{
    await using var command = services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + search.CommandText);
    foreach (Npgsql.NpgsqlParameter parameter in search.Parameters)
    {
        command.Parameters.Add(parameter.Clone());
    }

    var lines = new List<string>();
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
    }

    var execution = lines.Last(l => l.StartsWith("Execution Time:", StringComparison.Ordinal));
    var ms = double.Parse(execution["Execution Time:".Length..].Replace("ms", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    return (ms, string.Join(Environment.NewLine, lines));
}

static double Percentile(List<double> values, double fraction)
{
    var sorted = values.Order().ToList();
    var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
}
