using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.BuildingBlocks.Modules;

public static class ModuleServices
{
    public static IServiceCollection AddNavigationItem(this IServiceCollection services, NavigationItem item)
        => services.AddSingleton(item);

    public static IServiceCollection AddStartPage(this IServiceCollection services, StartPage page)
        => services.AddSingleton(page);

    public static IServiceCollection AddDemoDataSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IDemoDataSeeder
        => services.AddScoped<IDemoDataSeeder, TSeeder>();

    /// <summary>What every module relies on being there: the current user.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }
}
