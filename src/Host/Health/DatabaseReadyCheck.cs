using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace QuartierPflege.Host.Health;

/// <summary>Ready means the database answers; a Host without its database must not get traffic.</summary>
internal sealed class DatabaseReadyCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("Die Datenbank ist nicht erreichbar.", ex);
        }
    }
}
