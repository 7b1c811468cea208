using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class CaseManagementModule
{
    public const string AreaName = "CaseManagement";

    public static IServiceCollection AddCaseManagement(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModuleDbContext<CaseManagementDbContext>(CaseManagementDbContext.SchemaName);
        services.AddNavigationItem(new NavigationItem("Fälle", "/CaseManagement", Policies.CaseWork, 10));
        return services;
    }

    public static IEndpointRouteBuilder MapCaseManagement(this IEndpointRouteBuilder endpoints) => endpoints;
}
