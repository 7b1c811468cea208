using Microsoft.AspNetCore.Http;

namespace QuartierPflege.BuildingBlocks.Web;

public static class ApiRequests
{
    /// <summary>API callers get problem details and status codes; browsers get pages and redirects.</summary>
    public static bool IsApiRequest(this HttpContext context)
        => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
           || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
