using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Planning.Closing;
using QuartierPflege.CaseManagement.Features.Planning.HomeVisits;
using QuartierPflege.CaseManagement.Features.Planning.NeighbourHelp;
using QuartierPflege.CaseManagement.Features.Planning.Plan;
using QuartierPflege.CaseManagement.Features.Planning.Referrals;

namespace QuartierPflege.CaseManagement.Features.Planning;

internal static class PlanningEndpoints
{
    public static RouteGroupBuilder MapPlanningApi(this RouteGroupBuilder api)
    {
        api.MapGet("/home-visit-templates/current", () => TypedResults.Ok(HomeVisitTemplates.Current))
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Hausbesuche")
            .WithSummary("Die aktuelle Checkliste für Hausbesuche");

        var @case = api.MapGroup("/cases/{caseId:guid}").RequireAuthorization(Policies.CaseWork);
        var visits = @case.MapGroup("/home-visits").WithTags("Hausbesuche");
        visits.MapGet("/", async (Guid caseId, ListHomeVisits handler, CancellationToken ct) =>
                await handler.HandleAsync(caseId, ct) is { } view ? Results.Ok(view) : ApiProblems.NotFound(PlanningCases.NotFoundMessage))
            .WithSummary("Hausbesuche eines Falls mit Punktwerten und Befunden");
        visits.MapPost("/", async (Guid caseId, RecordHomeVisitRequest request, RecordHomeVisit handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, request, ct)).ToHttpResult(id => TypedResults.Created($"/api/case-management/cases/{caseId}/home-visits", new { id })))
            .WithSummary("Hausbesuch erfassen");
        visits.MapPost("/{visitId:guid}/problems", async (Guid caseId, Guid visitId, TurnFindingsIntoProblems handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, visitId, ct)).ToHttpResult(ids => TypedResults.Ok(new { problemIds = ids })))
            .WithSummary("Befunde des Hausbesuchs als Problemlagen übernehmen");

        var plan = @case.WithTags("Wege-Hilfe-Plan");
        plan.MapGet("/plan", async (Guid caseId, GetPlan handler, CancellationToken ct) =>
                await handler.HandleAsync(caseId, ct) is { } view ? Results.Ok(view) : ApiProblems.NotFound(PlanningCases.NotFoundMessage))
            .WithSummary("Wege-Hilfe-Plan: Problemlagen, Lösungswege, Maßnahmen mit Verlauf und Hinweisen");
        plan.MapPost("/problems", async (Guid caseId, ProblemRequest request, SaveProblem handler, CancellationToken ct) =>
                (await handler.AddAsync(caseId, request, ct)).ToHttpResult(id => TypedResults.Created($"/api/case-management/cases/{caseId}/plan", new { id })))
            .WithSummary("Problemlage anlegen");
        plan.MapPut("/problems/{problemId:guid}", async (Guid caseId, Guid problemId, ProblemRequest request, SaveProblem handler, CancellationToken ct) =>
                (await handler.ChangeAsync(caseId, problemId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Problemlage ändern (mit Bearbeitungsstand)");
        plan.MapPost("/problems/{problemId:guid}/steps", async (Guid caseId, Guid problemId, AddStepRequest request, AddStep handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, problemId, request, ct)).ToHttpResult(id => TypedResults.Created($"/api/case-management/cases/{caseId}/plan", new { id })))
            .WithSummary("Maßnahme anlegen (Vermittlung und Nachbarschaftshilfe werden sofort angefragt)");
        plan.MapPut("/steps/{stepId:guid}", async (Guid caseId, Guid stepId, ChangeStepRequest request, ChangeStep handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, stepId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Maßnahme ändern (mit Bearbeitungsstand)");
        plan.MapPost("/steps/{stepId:guid}/withdraw-referral", async (Guid caseId, Guid stepId, WithdrawReferralRequest request, WithdrawReferral handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, stepId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Vermittlung zurückziehen");
        plan.MapPost("/steps/{stepId:guid}/helper", async (Guid caseId, Guid stepId, ChooseHelperRequest request, ChooseHelper handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, stepId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Helfer:in aus den Vorschlägen wählen (mit den drei Erklärungen)");
        plan.MapPost("/steps/{stepId:guid}/withdraw-neighbour-help", async (Guid caseId, Guid stepId, WithdrawNeighbourHelpRequest request, WithdrawNeighbourHelp handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, stepId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Nachbarschaftshilfe zurückziehen (die Maßnahme wird abgebrochen, ein laufender Einsatz endet)");
        plan.MapGet("/partner-choices", async (Guid caseId, string? serviceCategory, FindPartnerChoices handler, CancellationToken ct) =>
                await handler.HandleAsync(caseId, serviceCategory, ct) is { } partners ? Results.Ok(partners) : ApiProblems.NotFound(PlanningCases.NotFoundMessage))
            .WithSummary("Netzwerkpartner im Quartier des Falls");
        plan.MapPost("/close", async (Guid caseId, CloseCaseRequest request, CloseCase handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, request, ct)).ToHttpResult(closedOn => TypedResults.Ok(new { closedOn })))
            .WithSummary("Fall abschließen (Ergebnis je Problemlage)");
        plan.MapPost("/reopen", async (Guid caseId, ReopenCaseRequest request, ReopenCase handler, CancellationToken ct) =>
                (await handler.HandleAsync(caseId, request, ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .WithSummary("Abgeschlossenen Fall wieder eröffnen (Fallverantwortung oder Koordination, mit Begründung; wird protokolliert)");
        return api;
    }
}
