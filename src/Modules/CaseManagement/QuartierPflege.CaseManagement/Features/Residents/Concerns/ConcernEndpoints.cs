using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

internal static class ConcernEndpoints
{
    public static void MapConcernApi(this RouteGroupBuilder api)
    {
        var concerns = api.MapGroup("/concerns");

        // Anyone signed in may report; the answer is only the id, nothing about residents or cases.
        concerns.MapPost("/", async (ReportConcernRequest request, ReportConcern handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Hinweis melden (für alle Angemeldeten)");

        concerns.MapGet("/", async (ListConcerns handler, CancellationToken ct) => TypedResults.Ok(await handler.OpenAsync(ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Offene Hinweise, älteste zuerst");

        concerns.MapGet("/{id:guid}", async (Guid id, ListConcerns handler, CancellationToken ct) =>
                await handler.FindAsync(id, ct) is { } concern ? Results.Ok(concern) : ApiProblems.NotFound("Der Hinweis wurde nicht gefunden."))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Ein Hinweis");

        concerns.MapPost("/{id:guid}/dismiss", async (Guid id, DismissConcernRequest request, TriageConcern handler, CancellationToken ct) =>
                (await handler.DismissAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Hinweis verwerfen (mit Begründung)");

        concerns.MapPost("/{id:guid}/attach", async (Guid id, AttachConcernRequest request, TriageConcern handler, CancellationToken ct) =>
                (await handler.AttachAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Hinweis einem bestehenden Fall zuordnen");
    }
}
