using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Authorization;

/// <summary>
/// Every endpoint of the running app states who may call it. Anonymous access is allowed only for signing in,
/// health, error pages and the language switch; anything else without a policy fails this test.
/// </summary>
public sealed class EndpointAuthorizationTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly string[] AnonymousAllowList =
    [
        "/api/auth/login",
        "/health/live",
        "/health/ready",
        "/Anmelden",
        "/Fehler/{code:int?}",
        // Neighbours register themselves and set their first password from the invitation link.
        "/Einladung",
        "/Volunteers/Registrieren",
        "/api/volunteers/registrations",
        // Hangfire's dashboard authorises every route itself (coordination only; 401/403 for everyone else, tested in
        // JobsDashboardTests): ASP.NET Core's cookie challenge would answer a redirect instead of 401.
        "/Verwaltung/Jobs/Dashboard/{**path}",
    ];

    [Fact]
    public void Every_endpoint_declares_its_authorisation()
    {
        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .ToList();
        Assert.True(endpoints.Count > 10, "the app should have more endpoints than that");

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(Describe)
            .ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an explicit policy:\n" + string.Join("\n", undeclared));

        var anonymous = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Where(e => !AnonymousAllowList.Contains(e.RoutePattern.RawText?.TrimEnd('/') is { Length: > 0 } raw ? "/" + raw.TrimStart('/') : "/"))
            .Select(Describe)
            .ToList();
        Assert.True(anonymous.Count == 0, "Anonymous endpoints outside the allow-list:\n" + string.Join("\n", anonymous));
    }

    private static string Describe(RouteEndpoint endpoint)
        => $"{endpoint.RoutePattern.RawText} ({endpoint.DisplayName}{(endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page ? ", page " + page.RelativePath : string.Empty)})";
}
