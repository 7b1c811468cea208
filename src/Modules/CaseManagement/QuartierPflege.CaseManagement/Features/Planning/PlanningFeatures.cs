using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>Registration of this feature area's handlers, message subscriptions and API endpoints.</summary>
internal static class PlanningFeatures
{
    public static IServiceCollection AddPlanningFeatures(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapPlanningEndpoints(this RouteGroupBuilder api) => api;
}
