using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.BuildingBlocks.Jobs;

public static class JobsDashboard
{
    public const string Path = "/Verwaltung/Jobs/Dashboard";

    /// <summary>
    /// Hangfire's own dashboard for coordination. Its pages, JSON and POST routes all pass Hangfire's authorisation
    /// filter, which answers 401 to anonymous callers and 403 to other roles; the endpoint itself is therefore anonymous
    /// for ASP.NET Core (whose cookie scheme would send a browser to the sign-in page instead of answering 401).
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints)
        => endpoints.MapHangfireDashboard(Path, new DashboardOptions
            {
                AsyncAuthorization = [new CoordinationOnly()],
                Authorization = [],
                DisplayStorageConnectionString = false,
                AppPath = "/Verwaltung/Jobs",
                DashboardTitle = "Hintergrundaufgaben (Hangfire)",
            })
            .AllowAnonymous();

    private sealed class CoordinationOnly : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return false;
            }

            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, Policies.Administration)).Succeeded;
        }
    }
}
