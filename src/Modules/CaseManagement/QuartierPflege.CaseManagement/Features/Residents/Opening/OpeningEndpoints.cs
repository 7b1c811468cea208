using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Features.Residents.Opening;

internal static class OpeningEndpoints
{
    public static void MapOpeningApi(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", async (OpenCaseRequest request, OpenCase handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttpResult(opened =>
                    TypedResults.Created($"/api/case-management/cases/{opened.Id}", opened)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Fall eröffnen (braucht die Einwilligung „Daten speichern“; optional aus einem Hinweis)");
    }
}
