using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal static class ResidentEndpoints
{
    public static void MapResidentApi(this RouteGroupBuilder api)
    {
        var residents = api.MapGroup("/residents").RequireAuthorization(Policies.CaseWork);

        residents.MapGet("/", async (string? q, string? quartier, int? page, SearchResidents handler, CancellationToken ct) =>
                (await handler.HandleAsync(q, quartier, page, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Bewohner:innen suchen (Name enthält, Quartier), seitenweise");

        residents.MapGet("/quartiere", async (IQuartierList quartiere, CancellationToken ct) =>
                TypedResults.Ok((await quartiere.ActiveAsync(ct)).Select(q => q.Name)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Quartiere, die für Bewohner:innen gewählt werden können (die Liste pflegt die Koordination)");

        residents.MapGet("/{id:guid}", async (Guid id, GetResident handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, "angesehen", ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Akte einer Bewohnerin bzw. eines Bewohners (wird protokolliert)");

        residents.MapPost("/", async (SaveResidentRequest request, CreateResident handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/case-management/residents/{id}", new { id })))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Bewohner:in anlegen");

        residents.MapPut("/{id:guid}", async (Guid id, SaveResidentRequest request, UpdateResident handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Bewohner:in ändern (mit version; Angehörige: mit id ändern, ohne id hinzufügen, fehlend entfernen)");
    }
}
