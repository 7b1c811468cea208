using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace QuartierPflege.CaseManagement.Features.Residents;

/// <summary>Registration of this feature area's handlers, message subscriptions and API endpoints.</summary>
internal static class ResidentFeatures
{
    public static IServiceCollection AddResidentFeatures(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api) => api;
}
