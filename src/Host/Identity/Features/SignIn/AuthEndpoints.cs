using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Identity.Features.SignIn;

/// <summary>
/// API sign-in: the same cookie as the pages. A client posts e-mail and password to /api/auth/login and sends the
/// returned cookie with every further call.
/// </summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Anmeldung");

        auth.MapPost("/login", async (SignInRequest request, SignInUser handler, CancellationToken ct) =>
            {
                var outcome = await handler.HandleAsync(request, ct);
                return outcome is { Kind: OutcomeKind.Invalid } && outcome.Errors.ContainsKey(string.Empty)
                    ? TypedResults.Problem(outcome.Errors[string.Empty][0], statusCode: 401, title: GermanProblemTitles.For(401))
                    : outcome.ToHttpResult(TypedResults.Ok);
            })
            .AllowAnonymous()
            .WithSummary("Anmelden (setzt das Anmelde-Cookie)");

        auth.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Abmelden");

        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new
            {
                Id = user.FindFirstValue(ClaimTypes.NameIdentifier),
                Email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
                DisplayName = user.FindFirstValue(QuartierPflegeClaims.DisplayName),
                Roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToArray(),
            }))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Die angemeldete Person");

        return endpoints;
    }
}
