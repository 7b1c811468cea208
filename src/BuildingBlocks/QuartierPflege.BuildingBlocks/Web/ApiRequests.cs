using Microsoft.AspNetCore.Http;

namespace QuartierPflege.BuildingBlocks.Web;

public static class ApiRequests
{
    /// <summary>API callers get problem details and status codes; browsers get pages and redirects.</summary>
    public static bool IsApiRequest(this HttpContext context) => IsApiPath(context.Request.Path);

    public static bool IsApiPath(PathString path)
        => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
           || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
