using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Features.Sepa;

internal static class SepaEndpoints
{
    public const string SepaMediaType = "application/xml";

    private const string MonthMessage = "Bitte geben Sie den Monat als JJJJ-MM an (z. B. 2026-10).";

    /// <summary>On the run group of the API (finance): the SEPA file (a POST, as it marks the run exported) and „bezahlt“.</summary>
    public static void MapSepaEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/runs/{month}/sepa", async (string month, ExportPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : (await handler.ExportAsync(m, ct)).ToHttpResult(file => Results.File(file.Content, SepaMediaType, file.FileName)))
            .WithSummary("SEPA-Datei (pain.001.001.09) eines freigegebenen Laufs; der Lauf ist danach „exportiert“, erneutes Abrufen liefert dieselbe Datei");
        api.MapPost("/runs/{month}/paid", async (string month, ExportPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : (await handler.ConfirmPaidAsync(m, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Bestätigen, dass die Bank den exportierten Lauf ausgeführt hat („bezahlt“)");
    }
}
