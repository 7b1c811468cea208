using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using Wolverine;

namespace QuartierPflege.Partners;

/// <summary>The module's only public face towards the Host: registration of services and endpoints.</summary>
public static class PartnersModule
{
    public const string AreaName = "Partners";

    public static IServiceCollection AddPartners(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPartnerDocuments();
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(PartnersModule).Assembly));
        services.AddNavigationItem(new NavigationItem("Netzwerkpartner", "/Partners", Policies.PartnerDirectory, 40));
        services.AddScoped<IPartnerDirectory, PartnerDirectory>();
        services.AddDemoDataSeeder<DemoPartners>();
        return services;
    }

    public static IEndpointRouteBuilder MapPartners(this IEndpointRouteBuilder endpoints) => endpoints;
}
