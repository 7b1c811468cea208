using Npgsql;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Composition;

public sealed class MigrateAndSeedTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateEmptyAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_connectionString);

    [Fact]
    public async Task Migrate_creates_every_module_schema_and_can_run_again()
    {
        await using var app = QpApp.OnDatabase(_connectionString);

        await app.MigrateAsync();
        await app.MigrateAsync();

        var schemas = await QueryAsync("SELECT nspname FROM pg_namespace");
        // Marten creates a module's schema with its first document type: Volunteers and Compensation have none yet.
        Assert.Superset(new HashSet<string> { "identity", "case_management", "partners", "notifications", "wolverine", "hangfire" },
            schemas.ToHashSet());
        var roles = await QueryAsync("SELECT name FROM identity.asp_net_roles ORDER BY name");
        Assert.Equal(["Ehrenamt", "Fallmanagement", "Finanzen", "Koordination"], roles);
    }

    [Fact]
    public async Task After_the_migrate_verb_a_Host_that_creates_nothing_itself_starts_and_is_ready()
    {
        // As ops/run and a deployment do it: `Host migrate` through the real entry point, without starting the web app.
        var exitCode = await RunHostVerbAsync("migrate", $"--ConnectionStrings:QuartierPflege={_connectionString}");
        Assert.Equal(0, exitCode);

        await using var app = new ProductionLikeHost(_connectionString);
        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        var tables = await QueryAsync("SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname IN ('wolverine', 'hangfire', 'case_management')");
        Assert.Contains("wolverine.wolverine_incoming_envelopes", tables);
        Assert.Contains("wolverine.wolverine_dead_letters", tables);
        Assert.Contains("hangfire.job", tables);
        Assert.Contains("case_management.mt_doc_case", tables);
    }

    [Fact]
    public async Task Demo_data_loads_each_demo_account_once_and_loading_again_changes_nothing()
    {
        await using var app = QpApp.OnDatabase(_connectionString);
        await app.MigrateAsync();

        await app.SeedDemoDataAsync();
        await app.SeedDemoDataAsync();

        var users = await QueryAsync("SELECT email FROM identity.asp_net_users WHERE email LIKE '%@demo.quartierpflege.de' ORDER BY email");
        Assert.Equal(DemoAccounts.All.Select(a => a.Email).Order(StringComparer.Ordinal), users.Order(StringComparer.Ordinal));
    }

    private static async Task<int> RunHostVerbAsync(params string[] args)
    {
        var result = typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]);
        return result is Task<int> task ? await task : 0;
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>A Host as in production: it creates no tables, message storage or job storage at start-up.</summary>
    private sealed class ProductionLikeHost : QpApp
    {
        public ProductionLikeHost(string connectionString)
            : base(connectionString) => Settings["Database:CreateSchemaAtStartup"] = "false";
    }
}
