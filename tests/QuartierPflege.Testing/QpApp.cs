using JasperFx.CodeGeneration;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using QuartierPflege.Host.Composition;
using Wolverine;
using Xunit;

namespace QuartierPflege.Testing;

/// <summary>
/// The real Host on its own database, with a fake clock: an Alba host on the in-memory test server. Use it as a class
/// fixture: <c>IClassFixture&lt;QpApp&gt;</c> gives each test class a fresh database cloned from the migrated template.
/// The Host starts on first use (or in <see cref="InitializeAsync"/> for a fixture).
/// </summary>
public class QpApp : IAsyncLifetime, IAsyncDisposable
{
    private readonly bool _ownsDatabase;
    private readonly Lock _startGate = new();
    private string? _connectionString;
    private IAlbaHost? _alba;
    private KestrelHost? _kestrel;
    private bool _useKestrel;

    public QpApp()
        : this(null)
    {
    }

    /// <summary>For subclasses that run on a given database (e.g. a second Host on a shared one).</summary>
    protected QpApp(string? connectionString)
    {
        _connectionString = connectionString;
        _ownsDatabase = connectionString is null;
    }

    /// <summary>A Host on a given database (the template while it is migrated, or a second Host on a shared database).</summary>
    public static QpApp OnDatabase(string connectionString) => new(connectionString);

    /// <summary>
    /// One of several Hosts on one database that already has its schema (e.g. from <see cref="TestDatabases.CreateAsync"/>;
    /// nothing is created or dropped): they coordinate as production Hosts do (<see cref="DurabilityMode.Balanced"/>).
    /// Start them one after the other, so that only the first applies missing schema changes.
    /// </summary>
    public static QpApp OnSharedDatabase(string connectionString) => new(connectionString) { WolverineMode = DurabilityMode.Balanced };

    /// <summary>Monday, 2 March 2026, 09:00 in Berlin: an ordinary working morning.</summary>
    public static Instant DefaultStart { get; } = Instant.FromUtc(2026, 3, 2, 8, 0);

    /// <summary>The clock the Host uses (NodaTime's <see cref="FakeClock"/>): tests say what time it is.</summary>
    public FakeClock Clock { get; } = new(DefaultStart);

    /// <summary>Configuration for this Host (set before first use), e.g. <c>["Mail:Transport"] = "Smtp"</c>.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // Most tests need no Hangfire server; job tests switch it on (see tests/QuartierPflege.BuildingBlocks.Tests/Jobs).
        ["Jobs:ServerEnabled"] = "false",
        // Tests start Hosts on empty databases to migrate them; Wolverine would refuse to start without its tables.
        ["Database:CreateSchemaAtStartup"] = "true",
        // A failing handler is retried quickly, so that a dead letter is reached within a test.
        ["Messaging:RetryCooldowns:0"] = "00:00:00.050",
        ["Messaging:RetryCooldowns:1"] = "00:00:00.100",
        ["Messaging:RetryCooldowns:2"] = "00:00:00.200",
    };

    /// <summary>Where this Host's mail goes (the development transport writes <c>.eml</c> files); deleted with the Host.</summary>
    public string MailPickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "qp-test-mail", Guid.NewGuid().ToString("N"));

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The running Alba host (not for a <see cref="BrowserApp"/>, which serves on Kestrel).</summary>
    public IAlbaHost Host
    {
        get
        {
            if (_useKestrel)
            {
                throw new InvalidOperationException("A BrowserApp serves on Kestrel; use Services or RootUri.");
            }

            Start();
            return _alba!;
        }
    }

    public IServiceProvider Services
    {
        get
        {
            Start();
            return _useKestrel ? _kestrel!.Services : _alba!.Services;
        }
    }

    /// <summary>Where the Host answers: the test server's <c>http://localhost/</c>, or the Kestrel port.</summary>
    public Uri BaseAddress
    {
        get
        {
            Start();
            return _useKestrel ? _kestrel!.ClientOptions.BaseAddress : _alba!.Server.BaseAddress;
        }
    }

    /// <summary>
    /// Wolverine's durability mode: Solo (one Host per test database, no leader election) unless a test runs several
    /// Hosts on one database, which must coordinate like production Hosts (<see cref="DurabilityMode.Balanced"/>).
    /// </summary>
    protected DurabilityMode WolverineMode { get; set; } = DurabilityMode.Solo;

    /// <summary>Extra settings for a test class (override and add to the dictionary).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Extra service replacements for a test class.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Serve on Kestrel on a free loopback port instead of the in-memory test server (real browsers).</summary>
    protected void UseKestrelServer() => _useKestrel = true;

    public virtual async Task InitializeAsync()
    {
        if (_ownsDatabase)
        {
            _connectionString = await TestDatabases.CreateAsync();
        }

        await StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownsDatabase && _connectionString is not null)
        {
            await TestDatabases.DropAsync(_connectionString);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_alba is not null)
        {
            await _alba.DisposeAsync();
            _alba = null;
        }

        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
            _kestrel = null;
        }

        if (Directory.Exists(MailPickupDirectory))
        {
            Directory.Delete(MailPickupDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A client that keeps cookies like a browser. It does not follow redirects (so tests can see them) unless asked.
    /// </summary>
    public HttpClient CreateClient(bool handleCookies = true, bool followRedirects = false)
    {
        Start();
        if (_useKestrel)
        {
            return _kestrel!.CreateClient(new WebApplicationFactoryClientOptions
            {
                BaseAddress = _kestrel.ClientOptions.BaseAddress,
                AllowAutoRedirect = followRedirects,
                HandleCookies = handleCookies,
            });
        }

        HttpMessageHandler handler = _alba!.Server.CreateHandler();
        if (followRedirects)
        {
            handler = new RedirectHandler { InnerHandler = handler };
        }

        if (handleCookies)
        {
            handler = new CookieContainerHandler { InnerHandler = handler };
        }

        return new HttpClient(handler) { BaseAddress = _alba.Server.BaseAddress };
    }

    public Task MigrateAsync() => CommandLine.MigrateAsync(Services, CancellationToken.None);

    public Task SeedDemoDataAsync() => CommandLine.SeedDemoDataAsync(Services, CancellationToken.None);

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope, like one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private async Task StartAsync()
    {
        if (_alba is not null || _kestrel is not null)
        {
            return;
        }

        if (_useKestrel)
        {
            var kestrel = new KestrelHost(this);
            kestrel.UseKestrel(0);
            kestrel.StartServer();
            _kestrel = kestrel;
        }
        else
        {
            _alba = await AlbaHost.For<Program>(ConfigureWebHost);
        }
    }

    private void Start()
    {
        lock (_startGate)
        {
            StartAsync().GetAwaiter().GetResult();
        }
    }

    private void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["ConnectionStrings:QuartierPflege"] = ConnectionString,
        };
        // Tests never write into the repository's .data/mail.
        settings.TryAdd("Mail:PickupDirectory", MailPickupDirectory);
        Configure(settings);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            // One Host per test database: no leader election, no waiting for other nodes.
            if (WolverineMode == DurabilityMode.Solo)
            {
                services.UseWolverineSoloMode();
            }

            // On pre-generated handler code (ops/test) the Host would load only the pre-generated handler registry and
            // skip discovery, so handlers that a test adds (probe modules, stand-ins for modules not built yet) would not
            // be found. Auto uses the pre-generated code where there is some, generates the rest at first use, and
            // writes no source files into the Host's folder.
            services.ConfigureWolverine(o =>
            {
                o.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
                o.CodeGeneration.SourceCodeWritingEnabled = false;
            });

            ConfigureServices(services);
        });
    }

    /// <summary>The Host on Kestrel for browsers (Alba serves on the in-memory test server only).</summary>
    private sealed class KestrelHost(QpApp owner) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => owner.ConfigureWebHost(builder);
    }
}
