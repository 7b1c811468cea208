using QuartierPflege.CaseManagement;
using QuartierPflege.Compensation;
using QuartierPflege.DataProtection;
using QuartierPflege.Notifications;
using QuartierPflege.Partners;
using QuartierPflege.Quartiere;
using QuartierPflege.Volunteers;

namespace QuartierPflege.Host.Composition;

/// <summary>The one place that knows which modules make up the product.</summary>
internal static class ModuleRegistry
{
    public static IServiceCollection AddModules(this IServiceCollection services, IConfiguration configuration) => services
        .AddQuartiere(configuration)
        .AddCaseManagement(configuration)
        .AddVolunteers(configuration)
        .AddCompensation(configuration)
        .AddPartners(configuration)
        .AddNotifications(configuration)
        .AddDataProtection(configuration);

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder endpoints) => endpoints
        .MapQuartiere()
        .MapCaseManagement()
        .MapVolunteers()
        .MapCompensation()
        .MapPartners()
        .MapNotifications()
        .MapDataProtection();
}
