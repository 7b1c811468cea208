using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Quartiere.Features.Activities;

internal static class ActivityEndpoints
{
    public static void MapActivityApi(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("Begegnungsangebote");
        activities.MapGet("/", async (string? quartier, ActivityWork work, CancellationToken ct) =>
                await work.ListAsync(quartier, ct) is { } list ? Results.Ok(list.Items) : Results.Forbid())
            .RequireAuthorization(Policies.CommunityWork)
            .WithSummary("Begegnungsangebote (Fallmanagement, Ehrenamt, Koordination), die im eigenen Quartier zuerst (inOwnQuartier); wer mithilft, sieht nur die Koordination");
        activities.MapPost("/", async (SaveActivityRequest request, ActivityWork work, CancellationToken ct) =>
                (await work.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Angebot anlegen (Koordination)");
        activities.MapPut("/{id:guid}", async (Guid id, SaveActivityRequest request, ActivityWork work, CancellationToken ct) =>
                (await work.UpdateAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Angebot ändern, mit dem gelesenen Bearbeitungsstand (Koordination)");
        activities.MapPost("/{id:guid}/helpers", async (Guid id, ActivityWork work, CancellationToken ct) =>
                (await work.HelpAsync(id, true, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Als Ehrenamtliche:r beim Angebot mithelfen");
        activities.MapDelete("/{id:guid}/helpers", async (Guid id, ActivityWork work, CancellationToken ct) =>
                (await work.HelpAsync(id, false, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.Volunteering)
            .WithSummary("Nicht mehr beim Angebot mithelfen");
    }
}
