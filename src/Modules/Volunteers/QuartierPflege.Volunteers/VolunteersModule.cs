using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Volunteers.Documents;
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
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(VolunteersModule).Assembly));
        services.AddNavigationItem(new NavigationItem("Ehrenamt", "/Volunteers", Policies.Volunteering, 20));
        return services;
    }

    public static IEndpointRouteBuilder MapVolunteers(this IEndpointRouteBuilder endpoints) => endpoints;
}
