using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Erasure;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Register;
using QuartierPflege.DataProtection.Retention;
using QuartierPflege.DataProtection.Sweep;
using Wolverine;

namespace QuartierPflege.DataProtection;

/// <summary>
/// The module's only public face towards the Host. It owns no personal data of its own beyond its audit and the copies
/// it makes: it asks every module (through <see cref="IPersonalDataRegister"/>, <see cref="IPersonalDataHolder"/>,
/// <see cref="IDataSubjectFinder"/> and the retention and erasure messages) and reports what they answered.
/// </summary>
public static class DataProtectionModule
{
    public const string AreaName = "DataProtection";

    /// <summary>Sunday night, when nobody works with the data (Europe/Berlin, as every job's cron).</summary>
    public const string SweepCron = "0 3 * * 0";

    public static IServiceCollection AddDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataProtectionDocuments();
        // The registers, holders and finders are other modules' internal classes: resolved from the scope.
        services.ConfigureWolverine(o =>
        {
            o.Discovery.IncludeAssembly(typeof(DataProtectionModule).Assembly);
            o.CodeGeneration.AlwaysUseServiceLocationFor<IEnumerable<IPersonalDataRegister>>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IEnumerable<IPersonalDataHolder>>();
            o.CodeGeneration.AlwaysUseServiceLocationFor<IEnumerable<IDataSubjectFinder>>();
        });
        services.AddNavigationItem(new NavigationItem("Datenschutz", "/Datenschutz", Policies.Administration, 80));
        services.AddSingleton<IPersonalDataRegister, DataProtectionPersonalData>();
        services.AddScoped<IPersonalDataHolder, DataProtectionPersonalDataHolder>();
        services.AddScoped<DataProtectionAudit>();
        services.AddScoped<RetentionSettings>();
        services.AddScoped<SweepRuns>();
        services.AddScoped<DataSubjects>();
        services.AddScoped<AccessCopies.AccessCopies>();
        services.AddScoped<Erasures>();
        services.AddScheduledCommand<StartRetentionSweep>("data-protection.retention-sweep", SweepCron,
            "Aufbewahrungsfristen prüfen: Fälliges anonymisieren oder löschen (Löschlauf)",
            clock => new StartRetentionSweep(Guid.NewGuid(), clock.GetCurrentInstant(), clock.Today(), "Wöchentlicher Löschlauf"));
        return services;
    }

    public static IEndpointRouteBuilder MapDataProtection(this IEndpointRouteBuilder endpoints) => endpoints.MapDataProtectionApi();
}
