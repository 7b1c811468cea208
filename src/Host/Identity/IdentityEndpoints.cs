using QuartierPflege.Host.Identity.Features.SignIn;
using QuartierPflege.Host.Identity.Features.Users;

namespace QuartierPflege.Host.Identity;

internal static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
        => endpoints.MapAuthEndpoints().MapUserEndpoints();
}
