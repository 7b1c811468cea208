using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Expiry;
using QuartierPflege.Volunteers.Features.Matching;

// bench/volunteers: the daily expiry check over 20,000 volunteers with 60,000 certificates, and matching one
// neighbour-help request, through the module's own handler code. Run through `ops/bench volunteers`.
const int VolunteerCount = 20_000;
const int CertificatesPerVolunteer = 3;
const int WarmUp = 20;
const int Samples = 200;
const double ExpiryTargetS = 5;
const double MatchTargetMs = 100;
var connectionString = Environment.GetEnvironmentVariable("QP_BENCH_POSTGRES")
    ?? throw new InvalidOperationException("QP_BENCH_POSTGRES is not set; run the benchmark through ops/bench volunteers.");
var invariant = CultureInfo.InvariantCulture;
var today = new LocalDate(2026, 3, 2);
var now = Instant.FromUtc(2026, 3, 2, 5, 0);

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:QuartierPflege"] = connectionString }).Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IConfiguration>(configuration);
services.AddSingleton<IClock>(new FixedClock(now));
services.AddSingleton<IQuartierList, BenchQuartiere>();
services.AddSingleton<ICurrentUser, NoUser>();
services.AddQuartierPflegeDatabase(configuration);
services.AddQuartierPflegeDocuments(configuration);
services.AddVolunteers(configuration);
await using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);

// 20,000 volunteers in five Quartiere, each active in two roles, with three certificates whose expiry is spread over
// the next six years (so about 1 in 36 lapses within 60 days, as on a real day).
var random = new Random(2026);
var quartiere = BenchQuartiere.Names;
var roles = Catalogue.DefaultRoles().Select(r => r.Id).ToArray();
var courses = new[] { Catalogue.ErsteHilfe, Catalogue.Basiskurs, Catalogue.Fuehrungszeugnis };
var volunteers = new List<Volunteer>(VolunteerCount);
var certificates = new List<Certificate>(VolunteerCount * CertificatesPerVolunteer);
for (var i = 0; i < VolunteerCount; i++)
{
    var volunteer = new Volunteer
    {
        FirstName = "Vorname" + i, LastName = "Nachname" + i, Email = $"v{i}@bench.de", Phone = "03431 1", Street = "Straße " + (i % 300), HouseNumber = (i % 90).ToString(invariant),
        Quartier = quartiere[i % quartiere.Length], BirthDate = new LocalDate(1950 + (i % 40), 1, 1), Status = VolunteerStatus.Confirmed,
        Availability = [$"{Availability.Days[i % 7].Key}-vormittag", $"{Availability.Days[(i + 3) % 7].Key}-nachmittag"],
    };
    foreach (var role in new[] { roles[i % roles.Length], roles[(i + 2) % roles.Length] })
    {
        volunteer.Enrolments.Add(new Enrolment { RoleProfileKey = role, State = EnrolmentState.Active, Since = today.PlusYears(-1) });
    }

    volunteer.RefreshActiveRoles();
    volunteers.Add(volunteer);
    foreach (var course in courses)
    {
        var expires = today.PlusDays(random.Next(-30, 6 * 365));
        certificates.Add(new Certificate { VolunteerId = volunteer.Id, CourseKey = course, CourseName = Catalogue.CourseName(course), IssuedOn = expires.PlusYears(-2), ExpiresOn = expires, Verified = true });
    }
}

var load = Stopwatch.StartNew();
await store.BulkInsertAsync(volunteers);
await store.BulkInsertAsync(certificates);
// A bulk insert bypasses the session listener that keeps matching's rows in step, so they are written here.
await store.BulkInsertAsync(volunteers.SelectMany(MatchCandidate.For).ToList());
Console.WriteLine($"load_s={load.Elapsed.TotalSeconds.ToString("0.0", invariant)}");
Console.WriteLine($"volunteers={VolunteerCount}");
Console.WriteLine($"certificates={certificates.Count}");

// The daily check: the handler and its commit (warnings remembered, enrolments suspended), as Wolverine would run it.
var expiry = Stopwatch.StartNew();
int warnings;
await using (var session = store.LightweightSession())
{
    var outgoing = await CheckTrainingExpiryHandler.HandleAsync(new CheckTrainingExpiry(Guid.NewGuid(), now, today), session, new FixedClock(now), CancellationToken.None);
    warnings = outgoing.OfType<TrainingExpiring>().Count();
    await session.SaveChangesAsync();
}

var expiryS = expiry.Elapsed.TotalSeconds;
Console.WriteLine($"expiry_check_s={expiryS.ToString("0.00", invariant)}");
Console.WriteLine($"expiry_warnings={warnings}");

// Matching one request, in a fresh session each time, over every role and Quartier.
var timings = new List<double>(Samples);
var quartierList = new BenchQuartiere();
for (var i = 0; i < WarmUp + Samples; i++)
{
    var request = new HelpRequest
    {
        Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Quartier = quartiere[i % quartiere.Length], Street = "Markt", HouseNumber = "1",
        RoleProfileKey = roles[i % roles.Length], Description = "Hilfe", HoursPerMonth = 4, PreferredTimes = "Dienstag vormittags", StartsOn = today,
    };
    var started = Stopwatch.GetTimestamp();
    await using (var session = store.QuerySession())
    {
        _ = await Proposals.ForAsync(session, quartierList, request, CancellationToken.None);
    }

    if (i >= WarmUp)
    {
        timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

var sorted = timings.Order().ToList();
var p50 = sorted[(int)Math.Ceiling(0.50 * sorted.Count) - 1];
var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
Console.WriteLine($"match_p50_ms={p50.ToString("0.0", invariant)}");
Console.WriteLine($"match_p95_ms={p95.ToString("0.0", invariant)}");

// The ranking query alone, as the database runs it (independent of the client's and the machine's load): the
// execution time of a typical request (a role with an hours limit; the Quartier alone has enough candidates).
await using (var session = store.QuerySession())
{
    var request = new HelpRequest
    {
        Id = Guid.NewGuid(), CaseId = Guid.NewGuid(), Quartier = quartiere[0], Street = "Markt", HouseNumber = "1",
        RoleProfileKey = roles[0], Description = "Hilfe", HoursPerMonth = 4, PreferredTimes = "Dienstag vormittags", StartsOn = today,
    };
    var role = Catalogue.DefaultRoles().First(r => r.Id == roles[0]);
    var plan = await session.AdvancedSql.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS) " + Proposals.CandidatesSql, CancellationToken.None,
        Proposals.CandidatesParameters(request, role, [request.Quartier]));
    foreach (var line in plan)
    {
        Console.Error.WriteLine(line);
    }

    var execution = plan.Single(l => l.StartsWith("Execution Time:", StringComparison.Ordinal));
    Console.WriteLine($"match_query_ms={execution["Execution Time:".Length..].Replace(" ms", string.Empty, StringComparison.Ordinal).Trim()}");
}

var failures = new List<string>();
if (expiryS >= ExpiryTargetS)
{
    failures.Add($"expiry check {expiryS:0.00} s >= {ExpiryTargetS} s");
}

if (p95 >= MatchTargetMs)
{
    failures.Add($"match p95 {p95:0.0} ms >= {MatchTargetMs} ms");
}

Console.WriteLine(failures.Count == 0 ? "ok" : "FAIL " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;

internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

internal sealed class NoUser : ICurrentUser
{
    public Guid Id => Guid.Empty;

    public string DisplayName => "Bench";

    public bool IsInRole(string role) => false;
}

internal sealed class BenchQuartiere : IQuartierList
{
    public static readonly string[] Names = ["Döbeln-Nord", "Döbeln-Ost", "Döbeln-Zentrum", "Großweitzschen", "Hartha"];

    private static readonly IReadOnlyList<QuartierListing> Listings =
        [.. Names.Select((n, i) => new QuartierListing(n, [Names[(i + 1) % Names.Length]], true))];

    public Task<IReadOnlyList<QuartierListing>> ActiveAsync(CancellationToken cancellationToken) => Task.FromResult(Listings);

    public Task<IReadOnlyList<QuartierListing>> AllAsync(CancellationToken cancellationToken) => Task.FromResult(Listings);

    public Task<QuartierListing?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Listings.FirstOrDefault(q => q.Name == name));
}
