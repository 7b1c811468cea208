using Npgsql;
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
    public async Task Demo_data_loads_one_account_per_role_and_loading_again_changes_nothing()
    {
        await using var app = QpApp.OnDatabase(_connectionString);
        await app.MigrateAsync();

        await app.SeedDemoDataAsync();
        await app.SeedDemoDataAsync();

        var users = await QueryAsync("SELECT email FROM identity.asp_net_users WHERE email LIKE '%@demo.quartierpflege.de' ORDER BY email");
        Assert.Equal(5, users.Count);
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
}
