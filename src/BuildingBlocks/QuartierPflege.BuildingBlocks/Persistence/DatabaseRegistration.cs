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
            builder.UseNodaTime();
            return builder.Build();
        });
        return services;
    }
}
