using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Features.Cases.Deputy;
using QuartierPflege.CaseManagement.Features.Cases.FollowUps;
using QuartierPflege.CaseManagement.Features.Cases.Handover;
using QuartierPflege.CaseManagement.Features.Cases.Journal;
using QuartierPflege.CaseManagement.Features.Cases.Overview;
using QuartierPflege.CaseManagement.Features.Cases.Status;
using QuartierPflege.CaseManagement.Features.Cases.Today;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>The API of the everyday case work; the pages call the same handlers.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseWorkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (string? quartier, CaseStatus? status, string? search, int? page, ProblemKind? problem, GetDashboard handler, CancellationToken ct) =>
                (await handler.HandleAsync(new DashboardQuery(quartier, status, search, page, problem), ct)).ToHttpResult(TypedResults.Ok))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Übersicht: meine offenen Fälle, Überfälliges, Fälle ohne Kontakt");
        api.MapGet("/today", async (GetToday handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Heute: Fälliges und Überfälliges, neue Hinweise, Fälle ohne Kontakt, Vermittlungen; für die Koordination das ganze Programm");

        var cases = api.MapGroup("/cases/{id:guid}").RequireAuthorization(Policies.CaseWork);
        cases.MapGet(string.Empty, async (Guid id, GetCaseOverview handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("Überblick über einen Fall");
        cases.MapPut("/status", async (Guid id, ChangeCaseStatusRequest request, ChangeCaseStatus handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Status ändern (Offen, In Bearbeitung, Ruhend)");
        cases.MapPut("/deputy", async (Guid id, ChangeDeputyRequest request, ChangeDeputy handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Vertretung setzen oder entfernen");
        cases.MapPost("/handover", async (Guid id, HandOverCaseRequest request, HandOverCase handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Fallverantwortung übertragen (mit Übergabenotiz; steht im Protokoll)");
        cases.MapGet("/follow-ups", async (Guid id, ListFollowUps handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("Wiedervorlagen eines Falls");
        cases.MapPost("/follow-ups", async (Guid id, AddFollowUpRequest request, AddFollowUp handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(followUpId =>
                    TypedResults.Created($"/api/case-management/cases/{id}/follow-ups/{followUpId}", new { id = followUpId })))
            .WithSummary("Wiedervorlage anlegen");
        cases.MapPut("/follow-ups/{followUpId:guid}/done", async (Guid id, Guid followUpId, MarkFollowUpDoneRequest request, MarkFollowUpDone handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, followUpId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Wiedervorlage erledigt oder wieder offen");
        cases.MapGet("/journal", async (Guid id, ListJournal handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttpResult(TypedResults.Ok))
            .WithSummary("Journal eines Falls");
        cases.MapPost("/journal", async (Guid id, AddJournalNoteRequest request, AddJournalNote handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(noteId =>
                    TypedResults.Created($"/api/case-management/cases/{id}/journal/{noteId}", new { id = noteId })))
            .WithSummary("Journalnotiz schreiben");

        api.MapGet("/deputy-candidates", async (ListDeputyCandidates handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.CaseWork)
            .WithSummary("Wer als Vertretung gewählt werden kann");
        return api;
    }
}
