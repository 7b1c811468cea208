using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.CaseManagement;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Partners;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere;
using QuartierPflege.Quartiere.Features.Lagebild;
using QuartierPflege.Quartiere.List;
using QuartierPflege.Volunteers;
using QuartierPflege.Volunteers.Domain;

// bench/quartiere: the programme-wide Quartier-Lagebild on 200 Quartiere, 150,000 cases, 20,000 volunteers and 5,000
// partners, measured through the handler the endpoint and the page call (plus the endpoint's JSON). `ops/bench quartiere`.
// Two figures: cold (every module read afresh, as the first visitor after a start waits for) and served (what visitors
// wait for while the clock moves on a minute every ten requests, so that new readings are built behind the one shown);
// the target applies to the served p95, the cold one is printed beside it. QP_BENCH_REUSE=1 keeps data a previous run left in the database (for looking at plans), instead of loading it.
const int QuartierCount = 200;
const int CaseCount = 150_000;
const int VolunteerCount = 20_000;
const int PartnerCount = 5_000;
const int WarmUp = 5;
const int Samples = 60;
const int ColdSamples = 12;
const double TargetMs = 300;
var invariant = CultureInfo.InvariantCulture;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench quartiere.");
var now = Instant.FromUtc(2026, 3, 2, 8, 0);
var today = new LocalDate(2026, 3, 2);

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:QuartierPflege"] = connectionString,
}).Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IConfiguration>(configuration);
var clock = new MovingClock(now);
services.AddSingleton<IClock>(clock);
services.AddQuartierPflegeDatabase(configuration);
services.AddQuartierPflegeDocuments(configuration);
services.AddQuartiere(configuration);
services.AddCaseManagement(configuration);
services.AddPartners(configuration);
services.AddVolunteers(configuration);
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);

var random = new Random(2026);
var quartiere = Enumerable.Range(1, QuartierCount).Select(i => $"Quartier {i:000}").ToArray();
var kinds = Enum.GetValues<ProblemKind>();
var categories = ServiceCategories.Names.Keys.ToArray();
var roles = Catalogue.DefaultRoles().Select(r => r.Id).ToArray();
var load = Stopwatch.StartNew();
var reuse = Environment.GetEnvironmentVariable("QP_BENCH_REUSE") == "1";
await using (var existing = store.QuerySession())
{
    reuse = reuse && await existing.Query<Case>().AnyAsync();
}

if (!reuse)
{
    await store.BulkInsertAsync(quartiere.Select(q => new Quartier { Id = q }).ToArray());

    var cases = new List<Case>(CaseCount);
    var problems = new List<ProblemSituation>(CaseCount * 3 / 2);
    for (var i = 0; i < CaseCount; i++)
    {
        var opened = today.PlusDays(-random.Next(0, 1100));
        var closed = random.Next(10) < 6 ? LocalDate.Min(today, opened.PlusDays(random.Next(30, 400))) : (LocalDate?)null;
        var c = new Case
        {
            Number = $"F-{i:000000}", ResidentId = Guid.NewGuid(), ResidentName = "Bench", CaseManagerId = Guid.NewGuid(), CaseManagerName = "Bench",
            Status = closed is null ? CaseStatus.InProgress : CaseStatus.Closed, OpenedOn = opened, ClosedOn = closed, LastContactOn = opened,
            Quartier = quartiere[random.Next(QuartierCount)], CreatedAt = now,
        };
        cases.Add(c);
        for (var p = 0; p < 1 + random.Next(2); p++)
        {
            problems.Add(new ProblemSituation { CaseId = c.Id, Kind = kinds[random.Next(kinds.Length)], CreatedAt = now });
        }
    }

    await store.BulkInsertAsync(cases.ToArray());
    await store.BulkInsertAsync(problems.ToArray());

    var partners = Enumerable.Range(0, PartnerCount).Select(i => new Partner
    {
        Name = $"Partner {i:00000}", ServiceCategories = [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => categories[random.Next(categories.Length)]).Distinct()],
        Quartiere = [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => quartiere[random.Next(QuartierCount)]).Distinct()],
        Status = random.Next(10) == 0 ? PartnerStatus.Paused : PartnerStatus.Active, Capacity = PartnerCapacity.Accepting,
    }).ToArray();
    await store.BulkInsertAsync(partners);

    var volunteers = new List<Volunteer>(VolunteerCount);
    var candidates = new List<MatchCandidate>();
    var assignments = new List<Assignment>();
    var logs = new List<ActivityLog>();
    for (var i = 0; i < VolunteerCount; i++)
    {
        var v = new Volunteer
        {
            FirstName = "Bench", LastName = $"V{i}", Email = $"v{i}@bench.example", Phone = "0", Street = "Weg", HouseNumber = "1",
            Quartier = quartiere[random.Next(QuartierCount)], Status = VolunteerStatus.Confirmed, RegisteredAt = now,
        };
        v.Enrolments.Add(new Enrolment { RoleProfileKey = roles[random.Next(roles.Length)], State = EnrolmentState.Active, Since = today.PlusMonths(-6) });
        v.RefreshActiveRoles();
        volunteers.Add(v);
        candidates.AddRange(MatchCandidate.For(v));
        if (random.Next(4) == 0)
        {
            var a = new Assignment
            {
                VolunteerId = v.Id, RoleProfileKey = v.ActiveRoles[0], CompensationModelKey = "unentgeltlich", Street = "Weg", HouseNumber = "1",
                Description = "Bench", HoursPerMonth = 2 + random.Next(18), StartsOn = today.PlusMonths(-3),
            };
            assignments.Add(a);
            for (var k = 0; k < 4; k++)
            {
                logs.Add(new ActivityLog
                {
                    VolunteerId = v.Id, AssignmentId = a.Id, RoleProfileKey = a.RoleProfileKey, Date = today.PlusMonths(-1).With(DateAdjusters.StartOfMonth).PlusDays(k * 7),
                    Minutes = 60, Kind = "besuch", State = ActivityState.Confirmed, SubmittedAt = now,
                });
            }
        }
    }

    await store.BulkInsertAsync(volunteers.ToArray());
    await store.BulkInsertAsync(candidates.ToArray());
    await store.BulkInsertAsync(assignments.ToArray());
    await store.BulkInsertAsync(logs.ToArray());
}

await using (var vacuum = provider.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("VACUUM ANALYZE"))
{
    await vacuum.ExecuteNonQueryAsync();
}

Console.WriteLine($"load_s={load.Elapsed.TotalSeconds.ToString("0.0", invariant)}");

// Where the time goes: each module's query contract once, warm, on its own.
await using (var parts = provider.CreateAsyncScope())
{
    var sp = parts.ServiceProvider;
    await sp.GetRequiredService<GetLagebild>().ProgrammeAsync(CancellationToken.None);
    var part = Stopwatch.StartNew();
    await sp.GetRequiredService<QuartierPflege.CaseManagement.Contracts.Statistics.INeedStatistics>().NeedsAsync(CancellationToken.None);
    Console.WriteLine($"needs_ms={part.Elapsed.TotalMilliseconds.ToString("0.0", invariant)}");
    part.Restart();
    await sp.GetRequiredService<IOfferStatistics>().OffersAsync(CancellationToken.None);
    Console.WriteLine($"offers_ms={part.Elapsed.TotalMilliseconds.ToString("0.0", invariant)}");
    part.Restart();
    await sp.GetRequiredService<QuartierPflege.Volunteers.Contracts.INeighbourStatistics>().NeighboursAsync(CancellationToken.None);
    Console.WriteLine($"neighbours_ms={part.Elapsed.TotalMilliseconds.ToString("0.0", invariant)}");
}

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var size = 0;

async Task<List<double>> MeasureAsync(int warmUp, int samples, Func<GetLagebild, Task<ProgrammePicture>> read, int minuteEvery = 0)
{
    var timings = new List<double>();
    for (var i = 0; i < warmUp + samples; i++)
    {
        if (minuteEvery > 0 && i % minuteEvery == 0)
        {
            clock.Advance(Duration.FromMinutes(1));
        }

        var watch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        var picture = await read(scope.ServiceProvider.GetRequiredService<GetLagebild>());
        size = JsonSerializer.SerializeToUtf8Bytes(picture, json).Length;
        if (i >= warmUp)
        {
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    timings.Sort();
    return timings;
}

static double Percentile(List<double> timings, double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];

var cold = await MeasureAsync(1, ColdSamples, async h => (await h.BuildAsync(CancellationToken.None)).Programme);
var warm = await MeasureAsync(WarmUp, Samples, h => h.ProgrammeAsync(CancellationToken.None), minuteEvery: 10);
var p95 = Percentile(warm, 0.95);
Console.WriteLine($"lagebild_json_bytes={size}");
Console.WriteLine($"lagebild_cold_p50_ms={Percentile(cold, 0.50).ToString("0.0", invariant)}");
Console.WriteLine($"lagebild_cold_p95_ms={Percentile(cold, 0.95).ToString("0.0", invariant)}");
Console.WriteLine($"lagebild_p50_ms={Percentile(warm, 0.50).ToString("0.0", invariant)}");
Console.WriteLine($"lagebild_p95_ms={p95.ToString("0.0", invariant)}");
Console.WriteLine(p95 < TargetMs ? "ok" : $"FAIL lagebild p95 {p95.ToString("0.0", invariant)} ms >= {TargetMs} ms");
return p95 < TargetMs ? 0 : 1;

/// <summary>The same morning, moved on by minutes only, so the months of the trend match the loaded data.</summary>
internal sealed class MovingClock(Instant start) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = start;

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(Duration by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
