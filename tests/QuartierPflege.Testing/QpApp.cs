using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using QuartierPflege.Host.Composition;
using Wolverine;
using Xunit;

namespace QuartierPflege.Testing;

/// <summary>
/// The real Host on its own database, with a fake clock. Use it as a class fixture: <c>IClassFixture&lt;QpApp&gt;</c>
/// gives each test class a fresh database cloned from the migrated template.
/// </summary>
public class QpApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;
    private string? _connectionString;

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

    public FakeClock Clock { get; } = new(FakeClock.DefaultStart);

    /// <summary>Configuration for this Host (set before first use), e.g. <c>["Messaging:RelayEnabled"] = "false"</c>.</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // Tests wait on conditions; a short fallback poll keeps retries (driven by the fake clock) quick.
        ["Messaging:PollInterval"] = "00:00:00.050",
        ["Mail:PollInterval"] = "00:00:00.050",
        // Most tests need no scheduler; job tests switch it on (see tests/QuartierPflege.BuildingBlocks.Tests/Jobs).
        ["Jobs:SchedulerEnabled"] = "false",
        // Tests start Hosts on empty databases to migrate them; Wolverine would refuse to start without its tables.
        ["Database:CreateSchemaAtStartup"] = "true",
        ["Messaging:RetryCooldowns:0"] = "00:00:00.050",
        ["Messaging:RetryCooldowns:1"] = "00:00:00.100",
        ["Messaging:RetryCooldowns:2"] = "00:00:00.200",
    };

    /// <summary>Where this Host's mail goes (the development transport writes <c>.eml</c> files); deleted with the Host.</summary>
    public string MailPickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "qp-test-mail", Guid.NewGuid().ToString("N"));

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>Extra settings for a test class (override and add to the dictionary).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Extra service replacements for a test class.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        if (_ownsDatabase)
        {
            _connectionString = await TestDatabases.CreateAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownsDatabase && _connectionString is not null)
        {
            await TestDatabases.DropAsync(_connectionString);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailPickupDirectory))
        {
            Directory.Delete(MailPickupDirectory, recursive: true);
        }
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
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
            services.UseWolverineSoloMode();
            ConfigureServices(services);
        });
    }
}
