using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace QuartierPflege.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "QuartierPflege";

    /// <summary>One pooled data source for the process: Marten, Wolverine, the sign-in store and raw connections share it.</summary>
    public static IServiceCollection AddQuartierPflegeDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString(ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Connection string '{ConnectionStringName}' is missing (set ConnectionStrings__{ConnectionStringName}).");
            }

            // NodaTime types as parameters and results (Marten LINQ, hand-written SQL); configured on this data source,
            // never on the global type mapper, which would break Hangfire's storage.
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            UsePreparedStatements(builder.ConnectionStringBuilder);
            builder.UseNodaTime();
            return builder.Build();
        });
        return services;
    }

    /// <summary>
    /// Marten, Wolverine and the raw queries send the same few statements over and over (the envelope insert, a
    /// document upsert, "mark handled"); prepared once per connection, PostgreSQL stops parsing and planning them each
    /// time, which on this machine cut the database's CPU per message by about a third (ops/bench messaging,
    /// docs/decisions.md). A connection string that sets its own value keeps it.
    /// </summary>
    internal static void UsePreparedStatements(NpgsqlConnectionStringBuilder connectionString)
    {
        if (connectionString.MaxAutoPrepare == 0)
        {
            connectionString.MaxAutoPrepare = 64;
            connectionString.AutoPrepareMinUsages = 2;
        }
    }
}
