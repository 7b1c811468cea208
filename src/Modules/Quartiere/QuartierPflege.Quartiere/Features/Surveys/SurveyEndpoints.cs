using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Quartiere.Features.Surveys;

internal static class SurveyEndpoints
{
    public static void MapSurveyApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Aktivierende Befragungen");
        surveys.MapPost("/", async (DesignSurveyRequest request, DesignSurvey handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/quartiere/surveys/{id}", new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Fragebogen einer aktivierenden Befragung anlegen (Koordination)");
        surveys.MapGet("/", async (bool? offen, string? quartier, SurveyQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(offen == true, quartier, ct)))
            .RequireAuthorization(Policies.CommunityWork)
            .WithSummary("Befragungen (mit offen=true nur die, in denen noch Antworten erfasst werden), mit Zahl der Antworten");
        surveys.MapGet("/{id:guid}", async (Guid id, SurveyQueries queries, CancellationToken ct) =>
                await queries.FindAsync(id, ct) is { } survey ? Results.Ok(survey) : ApiProblems.NotFound("Die Befragung wurde nicht gefunden."))
            .RequireAuthorization(Policies.CommunityWork)
            .WithSummary("Der Fragebogen einer Befragung (zum Erfassen an der Haustür)");
        surveys.MapPost("/{id:guid}/answers", async (Guid id, RecordAnswerRequest request, RecordAnswer handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttpResult(answerId => TypedResults.Created((string?)null, new { id = answerId })))
            .RequireAuthorization(Policies.CommunityWork)
            .WithSummary("Antworten eines Gesprächs erfassen (Ehrenamt, Fallmanagement, Koordination); anonym, Kontakt nur mit Einwilligung");
        surveys.MapGet("/{id:guid}/results", async (Guid id, SurveyQueries queries, CancellationToken ct) =>
                await queries.ResultAsync(id, ct) is { } result ? Results.Ok(result) : ApiProblems.NotFound("Die Befragung wurde nicht gefunden."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Ergebnisse einer Befragung: Zählungen, Skalen, Freitexte nach Frage gruppiert; ohne Kontaktdaten (Koordination)");
    }
}
