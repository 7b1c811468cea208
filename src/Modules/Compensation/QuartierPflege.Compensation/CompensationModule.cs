using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Documents;
using QuartierPflege.Compensation.Features.Sepa;
using Wolverine;

namespace QuartierPflege.Compensation;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class CompensationModule
{
    public const string AreaName = "Compensation";

    public static IServiceCollection AddCompensation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCompensationDocuments();
        services.AddSepaExport(configuration);
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(CompensationModule).Assembly));
        services.AddNavigationItem(new NavigationItem("Auszahlungen", "/Compensation", Policies.Finance, 30));
        return services;
    }

    public static IEndpointRouteBuilder MapCompensation(this IEndpointRouteBuilder endpoints) => endpoints;
}
