using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Identity.Features.Users;

internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/admin/users")
            .RequireAuthorization(Policies.Administration)
            .WithTags("Benutzerverwaltung");

        users.MapGet("/", async (ListUsers handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithSummary("Alle Benutzerkonten");

        users.MapGet("/{id:guid}", async (Guid id, ListUsers handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } user ? Results.Ok(user) : ApiProblems.NotFound("Das Benutzerkonto wurde nicht gefunden."))
            .WithSummary("Ein Benutzerkonto");

        users.MapPost("/", async (CreateUserRequest request, CreateUser handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/admin/users/{id}", new { id })))
            .WithSummary("Benutzerkonto anlegen");

        users.MapPut("/{id:guid}", async (Guid id, ChangeUserAccessRequest request, ChangeUserAccess handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Name, Rollen, Aktivierung oder Passwort ändern");

        return endpoints;
    }
}
