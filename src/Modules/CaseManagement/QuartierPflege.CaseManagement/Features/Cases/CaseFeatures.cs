using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>Registration of this feature area's handlers, message subscriptions and API endpoints.</summary>
internal static class CaseFeatures
{
    public static IServiceCollection AddCaseFeatures(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api) => api;
}
