using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace QuartierPflege.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "QuartierPflege";

    /// <summary>One pooled data source for the process; every DbContext and raw connection share it.</summary>
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

    /// <summary>
    /// Registers a module's DbContext in its own schema with its own migrations history table, and announces it to
    /// <c>Host migrate</c> through <see cref="IModuleDatabase"/>.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((provider, options) =>
            options.UseNpgsql(
                    provider.GetRequiredService<NpgsqlDataSource>(),
                    npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", schema)));
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(schema));
        return services;
    }
}
