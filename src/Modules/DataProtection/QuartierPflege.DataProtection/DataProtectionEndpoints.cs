using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.DataProtection.AccessCopies;
using QuartierPflege.DataProtection.Erasure;
using QuartierPflege.DataProtection.Retention;
using QuartierPflege.DataProtection.Sweep;

namespace QuartierPflege.DataProtection;

/// <summary>The module's API: coordination only (there is no separate data-protection role, see docs/decisions.md).</summary>
internal static class DataProtectionEndpoints
{
    public static IEndpointRouteBuilder MapDataProtectionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/data-protection").WithTags("Datenschutz").RequireAuthorization(Policies.Administration);
        api.MapGet("/register", async (RetentionSettings settings, CancellationToken ct) => TypedResults.Ok(Register(await settings.ViewAsync(ct))))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO), aus den Angaben aller Bereiche erzeugt");
        api.MapPut("/retention-settings/{kindKey}", async (string kindKey, ChangeRetentionRequest request, RetentionSettings settings, CancellationToken ct) =>
                (await settings.ChangeAsync(kindKey, request, ct)).ToHttpResult(v => TypedResults.Ok(v)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Aufbewahrungsfrist einer Datenart ändern (nicht unter die gesetzliche Mindestfrist)");
        api.MapGet("/retention-sweeps", async (SweepRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.LatestAsync(20, ct)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Die letzten Löschläufe mit den Zahlen je Bereich und Datenart");
        api.MapGet("/retention-sweeps/{id:guid}", async (Guid id, SweepRuns runs, CancellationToken ct) =>
                await runs.FindAsync(id, ct) is { } run ? Results.Ok(run) : ApiProblems.NotFound("Diesen Löschlauf gibt es nicht."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Ein Löschlauf");
        api.MapPost("/retention-sweeps", async (SweepRuns runs) =>
            {
                var id = await runs.StartNowAsync();
                return TypedResults.Accepted($"/api/data-protection/retention-sweeps/{id}", new { id });
            })
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Löschlauf jetzt ausführen");
        api.MapGet("/retention-forecast", async (SweepRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.ForecastAsync(ct)))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Was in den nächsten 30 Tagen fällig wird");
        api.MapGet("/data-subjects", async (string? kind, string? q, DataSubjects subjects, CancellationToken ct) =>
                DataSubjects.ParseKind(kind) is { } k
                    ? Results.Ok(await subjects.SearchAsync(k, q, ct))
                    : ApiProblems.Validation("kind", "Bitte „resident“ oder „volunteer“ angeben."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Bewohner:innen oder Ehrenamtliche suchen (für Auskunft und Löschung)");
        api.MapPost("/access-requests", async (CreateAccessCopyRequest request, AccessCopies.AccessCopies copies, CancellationToken ct) =>
                (await copies.CreateAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/data-protection/access-requests/{id}", new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Auskunft nach Art. 15 erstellen (ZIP mit HTML und JSON, 7 Tage abrufbar)");
        api.MapGet("/access-requests/{id:guid}", async (Guid id, AccessCopies.AccessCopies copies, CancellationToken ct) =>
                await copies.FindAsync(id, ct) is { } copy ? Results.Ok(copy) : ApiProblems.NotFound("Diese Auskunft gibt es nicht."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Eine Auskunft (ohne Datei)");
        api.MapGet("/access-requests/{id:guid}/zip", async (Guid id, AccessCopies.AccessCopies copies, CancellationToken ct) =>
            {
                var outcome = await copies.DownloadAsync(id, ct);
                return outcome.Kind == OutcomeKind.Conflict
                    ? TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status410Gone, title: "Nicht mehr verfügbar")
                    : outcome.ToHttpResult(file => TypedResults.File(file.Zip, "application/zip", file.FileName));
            })
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Die Auskunft als ZIP herunterladen (nur 7 Tage)");
        api.MapPost("/erasure-requests", async (StartErasureRequest request, Erasures erasures, CancellationToken ct) =>
                (await erasures.StartAsync(request, ct)).ToHttpResult(id => TypedResults.Created($"/api/data-protection/erasure-requests/{id}", new { id })))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Löschung nach Art. 17 beginnen (abgelehnt mit Gründen, wenn ein Bereich widerspricht)");
        api.MapGet("/erasure-requests/{id:guid}", async (Guid id, Erasures erasures, CancellationToken ct) =>
                await erasures.ReportAsync(id, ct) is { } report ? Results.Ok(report) : ApiProblems.NotFound("Diesen Löschauftrag gibt es nicht."))
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Bericht einer Löschung: was jeder Bereich gelöscht oder eingeschränkt hat");
        return endpoints;
    }

    private static IEnumerable<object> Register(IReadOnlyList<RetentionKindView> kinds)
        => kinds.GroupBy(k => k.Module).Select(g => new { module = g.Key, kinds = g.ToList() });
}
