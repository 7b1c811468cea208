using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Features;

/// <summary>The community work of the module: activating surveys, the Stadtteilforum with groups, activities.</summary>
internal static class QuartiersarbeitFeatures
{
    public static IServiceCollection AddQuartiersarbeit(this IServiceCollection services)
    {
        services.AddScoped<DesignSurvey>();
        services.AddScoped<RecordAnswer>();
        services.AddScoped<SurveyQueries>();
        services.AddScoped<ForumWork>();
        services.AddScoped<ForumQueries>();
        services.AddScoped<GroupWork>();
        services.AddScoped<ActivityWork>();
        services.AddDemoDataSeeder<DemoSurveys>();
        services.AddDemoDataSeeder<DemoForum>();
        services.AddDemoDataSeeder<DemoActivities>();
        services.AddNavigationItem(new NavigationItem("Befragungen", "/Quartiere/Befragungen", Policies.SignedIn, 50));
        services.AddNavigationItem(new NavigationItem("Stadtteilforum", "/Quartiere/Forum", Policies.CaseWork, 51));
        services.AddNavigationItem(new NavigationItem("Begegnungsangebote", "/Quartiere/Angebote", Policies.SignedIn, 52));
        return services;
    }

    public static IEndpointRouteBuilder MapQuartiersarbeitApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/quartiere");
        api.MapSurveyApi();
        api.MapForumApi();
        api.MapActivityApi();
        return endpoints;
    }
}
