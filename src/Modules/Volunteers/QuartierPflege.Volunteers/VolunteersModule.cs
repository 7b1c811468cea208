using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Validation;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.DataProtection;
using QuartierPflege.Volunteers.Documents;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.Demo;
using QuartierPflege.Volunteers.Features.Registration;
using QuartierPflege.Volunteers.Features.Reports;
using QuartierPflege.Volunteers.Features.Statistics;
using QuartierPflege.Volunteers.Features.RoleProfiles;
using QuartierPflege.Volunteers.Features.Trainings;
using QuartierPflege.Volunteers.Features.Visits;
using Wolverine;

namespace QuartierPflege.Volunteers;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class VolunteersModule
{
    public const string AreaName = "Volunteers";

    public static IServiceCollection AddVolunteers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVolunteersDocuments();
        // The Quartier list's implementation is the Quartiere module's (internal): resolved from the scope.
        services.ConfigureWolverine(o =>
        {
            o.Discovery.IncludeAssembly(typeof(VolunteersModule).Assembly);
            o.CodeGeneration.AlwaysUseServiceLocationFor<IQuartierList>();
        });
        services.AddNavigationItem(new NavigationItem("Ehrenamt", "/Volunteers", Policies.Volunteering, 20));
        services.AddValidatorsOf(typeof(VolunteersModule).Assembly);
        services.AddScoped<VolunteerAccess>();
        services.AddScoped<IVolunteerDirectory, VolunteerDirectory>();
        services.AddScoped<Register>();
        services.AddScoped<ConfirmVolunteer>();
        services.AddScoped<UpdateProfile>();
        services.AddScoped<RoleProfileFeatures>();
        services.AddScoped<TrainingFeatures>();
        services.AddScoped<VisitLogs>();
        services.AddScoped<CoordinatorReports>();
        services.AddNeighbourStatistics();
        services.AddSingleton<IPersonalDataRegister, VolunteersPersonalData>();
        services.AddScoped<IPersonalDataHolder, VolunteersPersonalDataHolder>();
        services.AddScoped<IDataSubjectFinder, VolunteerSubjectFinder>();
        services.AddScoped<VolunteerReadLog>();
        services.AddDemoDataSeeder<DemoVolunteers>();
        services.AddScheduledCommand<CheckTrainingExpiry>("volunteers.check-training-expiry", "0 6 * * *",
            "Ablaufende Schulungsnachweise prüfen: Erinnerungen 60, 30 und 7 Tage vorher, Rollen aussetzen am Ablauftag",
            clock => new CheckTrainingExpiry(Guid.NewGuid(), default, clock.Today()));
        return services;
    }

    public static IEndpointRouteBuilder MapVolunteers(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/volunteers").WithTags("Ehrenamt").MapVolunteerEndpoints();
        return endpoints;
    }
}
