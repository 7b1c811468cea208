using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>Creates or upgrades Hangfire's tables in schema <c>hangfire</c> (called by <c>Host migrate</c>).</summary>
public static class JobsSchema
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<JobStorageSettings>();
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Hangfire's own installer: the same versioned scripts the storage would run at first use.
        PostgreSqlObjectsInstaller.Install(connection, JobsRegistration.SchemaName);
    }
}
