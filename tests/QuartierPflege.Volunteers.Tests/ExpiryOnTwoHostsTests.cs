using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>
/// The daily expiry check as production runs it: two Hosts on one database, mail through the real SMTP server. The
/// Hangfire job only sends <see cref="CheckTrainingExpiry"/>, so the test sends that command itself, twice on each Host,
/// the first two at the same moment.
/// </summary>
public sealed class ExpiryOnTwoHostsTests : IAsyncLifetime
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    private readonly SmtpTestServer _smtp = new();
    private string _database = string.Empty;
    private ExpiryHost? _first;
    private ExpiryHost? _second;

    private ExpiryHost First => _first!;

    private ExpiryHost Second => _second!;

    public async Task InitializeAsync()
    {
        await _smtp.StartAsync();
        _database = await TestDatabases.CreateAsync();
        _first = new ExpiryHost(_database, _smtp);
        await _first.InitializeAsync();
        // The tables exist before the second Host could try to create them too.
        await First.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _second = new ExpiryHost(_database, _smtp);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        await TestDatabases.DropAsync(_database);
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_certificate_lapsing_in_30_days_gets_exactly_one_warning_mail_from_two_Hosts_running_the_check_twice_and_is_suspended_once_on_its_day()
    {
        var (helper, _) = await First.VolunteerAsync("Ablauf", activeRoles: ["fahrdienst"]);
        var certificate = new Certificate
        {
            VolunteerId = helper.Id, CourseKey = Catalogue.ErsteHilfe, CourseName = "Erste Hilfe", IssuedOn = Today.PlusMonths(-24).PlusDays(30),
            ExpiresOn = Today.PlusDays(30), Verified = true,
        };
        await First.StoreAsync(certificate);

        var together = await Task.WhenAll(CheckAsync(First, Today), CheckAsync(Second, Today));
        var again = await Task.WhenAll(CheckAsync(First, Today), CheckAsync(Second, Today));

        var warnings = together.Concat(again).SelectMany(Of<TrainingExpiring>).Where(w => w.CertificateId == certificate.Id).ToList();
        Assert.Equal(30, Assert.Single(warnings).DaysLeft);
        var mails = _smtp.Messages.Where(m => m.To.Any(t => t.Address == helper.Email)).ToList();
        Assert.Contains("Erste Hilfe", Assert.Single(mails).Subject, StringComparison.Ordinal);
        Assert.Single(await First.AllAsync<ExpiryWarning>(), w => w.CertificateId == certificate.Id);

        var lapse = await Task.WhenAll(CheckAsync(First, Today.PlusDays(30)), CheckAsync(Second, Today.PlusDays(30)));
        var lapseAgain = await CheckAsync(Second, Today.PlusDays(30));

        var suspended = lapse.Append(lapseAgain).SelectMany(Of<EnrolmentSuspended>).Where(s => s.VolunteerId == helper.Id).ToList();
        Assert.Equal("fahrdienst", Assert.Single(suspended).RoleProfileKey);
        Assert.Equal(EnrolmentState.Suspended, (await Second.LoadAsync<Volunteer>(helper.Id))!.Enrolments.Single().State);
        Assert.Single(_smtp.Messages, m => m.To.Any(t => t.Address == helper.Email) && m.Subject.Contains("Erste Hilfe", StringComparison.Ordinal));
    }

    /// <summary>
    /// Sends the job's command on one Host and waits for all it causes there. The losing Host of a simultaneous run fails
    /// its first attempt (the warning or the volunteer was written by the other) and retries, so failures are allowed.
    /// </summary>
    private static Task<ITrackedSession> CheckAsync(QpApp host, LocalDate date)
        => host.Services.TrackActivity(MessageTracking.DefaultTimeout).DoNotAssertOnExceptionsDetected()
            .SendMessageAndWaitAsync(new CheckTrainingExpiry(Guid.NewGuid(), host.Clock.GetCurrentInstant(), date));

    private static IEnumerable<T> Of<T>(ITrackedSession tracked)
        => tracked.Sent.MessagesOf<T>().Concat(tracked.NoRoutes.MessagesOf<T>()).Distinct();

    private sealed class ExpiryHost : QpApp
    {
        private readonly SmtpTestServer _smtp;

        public ExpiryHost(string connectionString, SmtpTestServer smtp)
            : base(connectionString)
        {
            _smtp = smtp;
            // Two Hosts on one database coordinate like production ones.
            WolverineMode = DurabilityMode.Balanced;
        }

        protected override void Configure(IDictionary<string, string?> settings) => _smtp.AddHostSettings(settings);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IQuartierList, FixedQuartierList>();
    }
}
