using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

/// <summary>What <c>Host migrate</c> does for Hangfire, on a database that has nothing yet.</summary>
public sealed class JobsSchemaTests : IAsyncLifetime
{
    private string _connectionString = string.Empty;

    public async Task InitializeAsync() => _connectionString = await TestDatabases.CreateEmptyAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_connectionString);

    [Fact]
    public async Task Migrate_creates_Hangfires_tables_in_schema_hangfire_so_that_a_storage_that_creates_nothing_works_and_migrate_can_run_again()
    {
        var settings = new JobStorageSettings(_connectionString, CreateSchemaAtStartup: false);
        await using var services = new ServiceCollection().AddSingleton(settings).BuildServiceProvider();

        await JobsSchema.MigrateAsync(services, CancellationToken.None);
        await JobsSchema.MigrateAsync(services, CancellationToken.None);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire'", connection);
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 10, "Hangfire's tables are in schema hangfire");
        var storage = new QuartierPflegeJobStorage(settings, Options.Create(new JobsOptions()));
        using var storageConnection = storage.GetConnection();
        Assert.Empty(storageConnection.GetRecurringJobs());
    }
}
