using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.DataProtection;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;
using QuartierPflege.Partners.Network;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners;

/// <summary>
/// The module's API under <c>/api/partners</c>. Case managers read the directory and the coverage; coordination
/// edits partners, records the partners' answers, reads the referral lists (they carry what residents disclosed) and
/// keeps the network meetings. The pages call the same use cases.
/// </summary>
internal static class PartnerEndpoints
{
    public static void MapPartnerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/partners").WithTags("Netzwerkpartner");

        api.MapGet(string.Empty, async (string? text, string? category, string? quartier, string? language, PartnerCapacity? capacity, bool? all,
                    IPartnerDirectory directory, CancellationToken ct) =>
                PartnerDirectory.TextProblem(text) is { } problem
                    ? ApiProblems.Validation("text", problem)
                    : Results.Ok(await directory.SearchAsync(new PartnerSearch(text, category, quartier, language, capacity, all ?? false), ct)))
            .RequireAuthorization(Policies.PartnerDirectory)
            .WithSummary("Partner suchen (Leistungsart, Quartier, Sprache, Aufnahme, Freitext)");
        api.MapGet("/{id:guid}", async (Guid id, IQuerySession session, ReferralQueries referrals, ContactReadAudit audit, CancellationToken ct) =>
            {
                if (await session.LoadAsync<Partner>(id, ct) is not { } partner)
                {
                    return ApiProblems.NotFound("Der Netzwerkpartner wurde nicht gefunden.");
                }

                await audit.RecordAsync(partner, ContactReadAudit.OnApi, ct);
                return Results.Ok(new { partner = Show(partner), responseTimes = await referrals.ResponseTimesAsync(id, ct) });
            })
            .RequireAuthorization(Policies.PartnerDirectory)
            .WithSummary("Ein Partner mit Ansprechpersonen, Status-Verlauf und Antwortzeiten");
        api.MapPost(string.Empty, async (SavePartnerRequest request, SavePartner handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/partners/{id}", new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Partner anlegen (Koordination)");
        api.MapPut("/{id:guid}", async (Guid id, SavePartnerRequest request, SavePartner handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Partner bearbeiten (Koordination; mit der gelesenen Version)");
        api.MapPut("/{id:guid}/status", async (Guid id, ChangePartnerStatusRequest request, ChangePartnerStatus handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Partner pausieren, beenden oder wieder aktivieren (Koordination)");
        api.MapGet("/{id:guid}/what-if", async (Guid id, IQuerySession session, CoverageQuery coverage, CancellationToken ct) =>
                await session.LoadAsync<Partner>(id, ct) is { } partner
                    ? Results.Ok(Coverage.WhatIf(partner, await coverage.HandleAsync(new CoverageFilter(), ct))
                        .Select(c => new { c.ServiceCategory, c.Quartier, c.Before, c.After, stateAfter = Coverage.TextOf(c.StateAfter) }))
                    : ApiProblems.NotFound("Der Netzwerkpartner wurde nicht gefunden."))
            .RequireAuthorization(Policies.PartnerDirectory)
            .WithSummary("Was wäre, wenn der Partner ausfiele: betroffene Felder der Abdeckung");

        api.MapGet("/coverage", async (string? category, string? quartier, bool? onlyWeak, CoverageQuery coverage, CancellationToken ct) =>
                TypedResults.Ok((await coverage.HandleAsync(new CoverageFilter(category, quartier, onlyWeak ?? false), ct)).Cells
                    .Select(c => new { c.ServiceCategory, c.Quartier, c.Count, state = Coverage.TextOf(c.State) })))
            .RequireAuthorization(Policies.PartnerDirectory)
            .WithSummary("Abdeckung: Leistungsart × Quartier → aktive, aufnehmende Partner");
        api.MapGet("/coverage.csv", async (string? category, string? quartier, bool? onlyWeak, CoverageQuery coverage, CancellationToken ct) =>
                TypedResults.File(Coverage.ToCsv(await coverage.HandleAsync(new CoverageFilter(category, quartier, onlyWeak ?? false), ct)),
                    "text/csv; charset=utf-8", "abdeckung.csv"))
            .RequireAuthorization(Policies.PartnerDirectory)
            .WithSummary("Abdeckung als CSV (Semikolon, UTF-8 mit BOM)");

        var referrals = api.MapGroup("/referrals").RequireAuthorization(Policies.Administration);
        referrals.MapGet(string.Empty, async (bool? open, bool? overdue, Guid? partnerId, ReferralQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(open ?? false, overdue ?? false, partnerId, ct)))
            .WithSummary("Vermittlungen an Partner (alle, offene, überfällige)");
        referrals.MapGet("/{id:guid}", async (Guid id, ReferralQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } referral ? Results.Ok(referral) : ApiProblems.NotFound("Die Vermittlung wurde nicht gefunden."))
            .WithSummary("Eine Vermittlung");
        referrals.MapPost("/{id:guid}/answer", async (Guid id, AnswerReferralRequest request, AnswerReferral handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Antwort des Partners erfassen: angenommen, abgelehnt (Grund), abgeschlossen (erfolgreich oder nicht, Grund)");

        var meetings = api.MapGroup("/meetings").RequireAuthorization(Policies.Administration);
        meetings.MapGet(string.Empty, async (MeetingWork work, CancellationToken ct) => TypedResults.Ok(await work.ListAsync(ct)))
            .WithSummary("Netzwerktreffen der AG Sozialmanagement");
        meetings.MapPost(string.Empty, async (SaveMeetingRequest request, MeetingWork work, CancellationToken ct) =>
                (await work.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/partners/meetings/{id}", new { id })))
            .WithSummary("Netzwerktreffen mit Vereinbarungen erfassen");
        meetings.MapGet("/{id:guid}", async (Guid id, MeetingWork work, CancellationToken ct) =>
                await work.GetAsync(id, ct) is { } meeting ? Results.Ok(meeting) : ApiProblems.NotFound("Das Treffen wurde nicht gefunden."))
            .WithSummary("Ein Netzwerktreffen mit Version (für das Bearbeiten)");
        meetings.MapPut("/{id:guid}", async (Guid id, SaveMeetingRequest request, MeetingWork work, CancellationToken ct) =>
                (await work.UpdateAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Netzwerktreffen bearbeiten (mit der gelesenen Version; Vereinbarungen mit Kennung bleiben, ohne kommen hinzu)");
        meetings.MapPut("/{id:guid}/actions/{actionId:guid}/done", async (Guid id, Guid actionId, bool? done, MeetingWork work, CancellationToken ct) =>
                (await work.MarkDoneAsync(id, actionId, done ?? true, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Vereinbarung erledigt (oder wieder offen)");
        api.MapGet("/actions/open", async (MeetingWork work, CancellationToken ct) =>
                TypedResults.Ok((await work.OpenActionsAsync(ct)).Select(x => new { meetingId = x.Meeting.Id, meeting = x.Meeting.Title, x.Action })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Offene Vereinbarungen aller Netzwerktreffen");
    }

    private static object Show(Partner p) => new
    {
        p.Id,
        p.Name,
        p.Kind,
        p.ServiceCategories,
        p.Quartiere,
        p.Address,
        p.Phone,
        p.Email,
        p.Website,
        p.OpeningHours,
        p.Languages,
        p.ContactPersons,
        p.Capacity,
        p.Status,
        p.StatusFrom,
        p.PausedUntil,
        p.History,
        p.Version,
    };
}
