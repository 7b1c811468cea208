using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Features.Residents.Protocol;

internal static class ProtocolEndpoints
{
    public static void MapProtocolApi(this RouteGroupBuilder api)
        => api.MapGet("/cases/{id:guid}/audit", async (Guid id, int? page, ReadCaseProtocol handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, page, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Protokoll eines Falls und seiner Bewohnerin bzw. seines Bewohners, neueste zuerst (wird selbst protokolliert)");
}
