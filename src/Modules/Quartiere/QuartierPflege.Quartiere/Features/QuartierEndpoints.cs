using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Quartiere.Features;

internal static class QuartierEndpoints
{
    public static IEndpointRouteBuilder MapQuartierApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/quartiere").WithTags("Quartiere");
        api.MapGet("/", async (MaintainQuartiere handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Alle Quartiere des Programms mit Nachbarquartieren (auch nicht mehr wählbare), mit Bearbeitungsstand");
        api.MapPost("/", async (AddQuartierRequest request, MaintainQuartiere handler, CancellationToken ct) =>
                (await handler.AddAsync(request, ct)).ToHttpResult(name => TypedResults.Created($"/api/quartiere/{Uri.EscapeDataString(name)}", new { name })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Quartier anlegen (Koordination)");
        api.MapPut("/{name}", async (string name, ChangeQuartierRequest request, MaintainQuartiere handler, CancellationToken ct) =>
                (await handler.ChangeAsync(name, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Nachbarquartiere setzen, Quartier stilllegen oder wieder wählbar machen (Koordination)");
        return endpoints;
    }
}
