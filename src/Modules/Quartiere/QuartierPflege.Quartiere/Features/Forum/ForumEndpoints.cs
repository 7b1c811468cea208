using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Quartiere.Features.Forum;

internal sealed record MarkActionRequest(bool Done);

internal static class ForumEndpoints
{
    public static void MapForumApi(this RouteGroupBuilder api)
    {
        var forum = api.MapGroup("/forum").WithTags("Stadtteilforum");
        forum.MapGet("/meetings", async (string? quartier, ForumQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MeetingsAsync(quartier, ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Treffen des Stadtteilforums, neueste zuerst");
        forum.MapGet("/meetings/{id:guid}", async (Guid id, ForumQueries queries, CancellationToken ct) =>
                await queries.MeetingAsync(id, ct) is { } meeting ? Results.Ok(meeting) : ApiProblems.NotFound("Das Treffen wurde nicht gefunden."))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Ein Treffen mit Protokoll und Vereinbarungen");
        forum.MapPost("/meetings", async (SaveForumMeetingRequest request, ForumWork work, CancellationToken ct) =>
                (await work.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/quartiere/forum/meetings/{id}", new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Treffen erfassen (Koordination)");
        forum.MapPut("/meetings/{id:guid}", async (Guid id, SaveForumMeetingRequest request, ForumWork work, CancellationToken ct) =>
                (await work.UpdateAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Treffen bearbeiten, mit dem gelesenen Bearbeitungsstand (Koordination)");
        forum.MapPost("/meetings/{id:guid}/actions/{actionId:guid}", async (Guid id, Guid actionId, MarkActionRequest request, ForumWork work, CancellationToken ct) =>
                (await work.MarkDoneAsync(id, actionId, request.Done, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Vereinbarung als erledigt markieren (done: true) oder wieder öffnen (Koordination)");
        forum.MapGet("/open-actions", async (ForumQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.OpenActionsAsync(ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Offene Vereinbarungen aller Treffen, früheste Frist zuerst");

        var groups = api.MapGroup("/groups").WithTags("Bewohnergruppen");
        groups.MapGet("/", async (string? quartier, GroupWork work, CancellationToken ct) => TypedResults.Ok(await work.ListAsync(quartier, ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Bewohnergruppen mit Kontaktperson, Treffrhythmus und Treffpunkt (quartier: nur die eines Quartiers)");
        groups.MapGet("/{id:guid}", async (Guid id, GroupWork work, CancellationToken ct) =>
                await work.FindAsync(id, ct) is { } group ? Results.Ok(group) : ApiProblems.NotFound(GroupWork.NotFoundMessage))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Eine Bewohnergruppe mit ihrem Bearbeitungsstand (version)");
        groups.MapPost("/", async (SaveGroupRequest request, GroupWork work, CancellationToken ct) =>
                (await work.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created((string?)null, new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Gruppe anlegen (Koordination)");
        groups.MapPut("/{id:guid}", async (Guid id, SaveGroupRequest request, GroupWork work, CancellationToken ct) =>
                (await work.UpdateAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Gruppe ändern, mit dem gelesenen Bearbeitungsstand (Koordination)");
    }
}
