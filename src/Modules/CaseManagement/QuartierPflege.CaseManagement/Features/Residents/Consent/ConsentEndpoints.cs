using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

internal static class ConsentEndpoints
{
    public static void MapConsentApi(this RouteGroupBuilder api)
    {
        var consents = api.MapGroup("/residents/{residentId:guid}/consents").RequireAuthorization(Policies.CaseWork);

        consents.MapGet("/", async (Guid residentId, ListConsents handler, CancellationToken ct) =>
                (await handler.HandleAsync(residentId, null, ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Einwilligungen einer Bewohnerin bzw. eines Bewohners (wird protokolliert)");

        consents.MapPost("/", async (Guid residentId, GiveConsentRequest request, GiveConsent handler, CancellationToken ct) =>
                (await handler.HandleAsync(residentId, request, ct)).ToHttpResult(id =>
                    TypedResults.Created($"/api/case-management/residents/{residentId}/consents/{id}", new { id })))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Einwilligung erfassen");

        consents.MapPost("/{consentId:guid}/withdraw", async (Guid residentId, Guid consentId, WithdrawConsentRequest? request, WithdrawConsent handler, CancellationToken ct) =>
                (await handler.HandleAsync(residentId, consentId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Einwilligung widerrufen (sofort wirksam): Tag und Form des Widerrufs, bestätigt");
    }
}
