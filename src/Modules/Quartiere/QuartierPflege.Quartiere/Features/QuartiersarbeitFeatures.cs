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
        // One entry for the three pages (a sub-navigation links them): the phone's main navigation stays short.
        services.AddNavigationItem(new NavigationItem("Quartiersarbeit", "/Quartiere/Befragungen", Policies.CommunityWork, 50));
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
