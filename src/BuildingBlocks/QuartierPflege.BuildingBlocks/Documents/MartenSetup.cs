using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Wolverine.Marten;

namespace QuartierPflege.BuildingBlocks.Documents;

/// <summary>
/// The product's one Marten store. Modules add their document types with <c>services.ConfigureMarten(...)</c> in their
/// own schema (<c>o.Schema.For&lt;Resident&gt;().DatabaseSchemaName("case_management")</c>); Wolverine's envelopes live in
/// schema <c>wolverine</c> and commit in the same transaction as the documents.
/// </summary>
public static class MartenSetup
{
    /// <summary>Marten's own objects (its functions, the hilo table) that belong to no module.</summary>
    public const string MartenSchema = "marten";

    public const string WolverineSchema = "wolverine";

    private static readonly Lock MappingGate = new();
    private static bool _mapped;

    /// <summary>
    /// <c>Database:CreateSchemaAtStartup</c>: off in production, where <c>Host migrate</c> creates every table, index and
    /// function and nothing is created at first use. Tests that start a Host on an empty database switch it on.
    /// </summary>
    public static AutoCreate SchemaCreation(IConfiguration configuration)
        => configuration.GetValue<bool>("Database:CreateSchemaAtStartup") ? AutoCreate.CreateOrUpdate : AutoCreate.None;

    public static IServiceCollection AddQuartierPflegeDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        var schemaCreation = SchemaCreation(configuration);
        RegisterNodaTimeMappings();
        services.AddMarten(o =>
            {
                o.DatabaseSchemaName = MartenSchema;
                o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.Default,
                    configure: j => j.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
                o.AutoCreateSchemaObjects = schemaCreation;
                o.DisableNpgsqlLogging = true;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine(w =>
            {
                w.MessageStorageSchemaName = WolverineSchema;
            });
        return services;
    }

    /// <summary>
    /// Weasel must know NodaTime's types before any store is built: without it LINQ on <see cref="LocalDate"/> members
    /// and duplicated NodaTime fields throw. Registered once per process (it is a static of Weasel).
    /// </summary>
    public static void RegisterNodaTimeMappings()
    {
        lock (MappingGate)
        {
            if (_mapped)
            {
                return;
            }

            PostgresqlProvider.Instance.RegisterMapping(typeof(LocalDate), "date", NpgsqlDbType.Date);
            PostgresqlProvider.Instance.RegisterMapping(typeof(Instant), "timestamp with time zone", NpgsqlDbType.TimestampTz);
            PostgresqlProvider.Instance.RegisterMapping(typeof(LocalTime), "time", NpgsqlDbType.Time);
            _mapped = true;
        }
    }
}
