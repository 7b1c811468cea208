using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Quartiere;
using Npgsql;

namespace QuartierPflege.Testing;

/// <summary>
/// A database per test class, cloned from a template that is migrated once per test process: every class starts
/// from the real schema in milliseconds and no class sees another's rows.
/// </summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    public static async Task<string> CreateAsync()
    {
        var template = await TemplateAsync();
        var name = $"qp_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return await TestPostgres.ConnectionStringForAsync(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>An empty database without any migration, for tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"qp_empty_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return await TestPostgres.ConnectionStringForAsync(name);
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var name = $"qp_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..45];
            await ExecuteAsync($"CREATE DATABASE {name}");
            var connectionString = await TestPostgres.ConnectionStringForAsync(name);
            await using (var app = QpApp.OnDatabase(connectionString))
            {
                // Nothing to relay or send while the schema is being built.
                app.Settings["Messaging:RelayEnabled"] = "false";
                await app.MigrateAsync();
                // Like a programme that is set up: the managed list holds the five demo Quartiere (Döbeln-Nord, …),
                // which records must name. Only the Quartiere module's seeder: no demo people or cases.
                await app.InScopeAsync(async services =>
                {
                    foreach (var seeder in services.GetServices<IDemoDataSeeder>().Where(s => s.GetType().Assembly == typeof(QuartiereModule).Assembly))
                    {
                        await seeder.SeedAsync(CancellationToken.None);
                    }
                });
            }

            // A template must have no open connections when it is cloned.
            NpgsqlConnection.ClearAllPools();
            _template = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestPostgres.AdminConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
