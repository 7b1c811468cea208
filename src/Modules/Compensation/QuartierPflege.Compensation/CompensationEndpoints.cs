using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Models;
using QuartierPflege.Compensation.Features.Runs;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation;

/// <summary>
/// The module's API under <c>/api/compensation</c>, for finance and coordination: models and caps, payout runs with
/// review, hold/release and approval under four eyes. Months are written "2026-10".
/// </summary>
internal static class CompensationEndpoints
{
    private const string MonthMessage = "Bitte geben Sie den Monat als JJJJ-MM an (z. B. 2026-10).";

    public static void MapCompensationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/compensation").WithTags("Vergütung").RequireAuthorization(Policies.Finance);

        api.MapGet("/models", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok((await Catalogue.ModelsAsync(session, ct)).Values.OrderBy(m => m.Name, StringComparer.Ordinal).Select(Show)))
            .WithSummary("Vergütungsmodelle mit ihren Sätzen nach Gültigkeitsbeginn");
        api.MapPut("/models/{key}", async (string key, SaveModelRequest request, SaveModel handler, CancellationToken ct) =>
                (await handler.HandleAsync(key, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Vergütungsmodell anlegen oder ändern (mit der gelesenen Version; 0 für ein neues oder vorgegebenes)");

        api.MapGet("/caps", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok((await Catalogue.CapsAsync(session, ct)).Values.OrderBy(c => c.Year)))
            .WithSummary("Steuerfreie Höchstbeträge je Jahr");
        api.MapPut("/caps/{year}", async (string year, SaveCapsRequest request, SaveCaps handler, CancellationToken ct) =>
                !int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                    ? ApiProblems.Validation("year", "Bitte geben Sie das Jahr vierstellig an (z. B. 2027).")
                    : (await handler.HandleAsync(y, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Höchstbeträge eines kommenden Jahres eintragen");

        api.MapGet("/runs", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok((await session.Query<PayoutRun>().OrderByDescending(r => r.MonthKey).ToListAsync(ct)).Select(ShowRun)))
            .WithSummary("Auszahlungsläufe, neueste zuerst");
        api.MapPost("/runs", async (PrepareRunRequest request, ReviewPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(request.Month, out var month)
                    ? ApiProblems.Validation("month", MonthMessage)
                    : (await handler.PrepareAsync(month, ct)).ToHttpResult(r => TypedResults.Ok(r)))
            .WithSummary("Auszahlungslauf eines abgeschlossenen Monats vorbereiten oder neu berechnen (solange er ein Entwurf ist)");
        api.MapGet("/runs/{month}", async (string month, IQuerySession session, CancellationToken ct) =>
            {
                if (!GermanMonths.TryParseKey(month, out var m))
                {
                    return ApiProblems.Validation("month", MonthMessage);
                }

                var run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(m), ct);
                if (run is null)
                {
                    return ApiProblems.NotFound($"Für {GermanMonths.Show(m)} gibt es keinen Auszahlungslauf.");
                }

                var payouts = await session.Query<Payout>().Where(p => p.RunId == run.Id && p.RestrictedUntil == null).ToListAsync(ct);
                return Results.Ok(new
                {
                    run = ShowRun(run),
                    run.History,
                    payouts = payouts.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
                        .Select(p => new { p.Id, p.VolunteerId, p.DisplayName, p.Quartier, p.Total, p.Mileage, p.WithheldAboveCap, p.Flags, p.Held, p.HeldReason }),
                });
            })
            .WithSummary("Ein Lauf mit Summen, Markierungen und seinen Auszahlungen");
        api.MapGet("/runs/{month}/payouts/{id:guid}", async (string month, Guid id, IQuerySession session, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : await session.LoadAsync<Payout>(id, ct) is { RestrictedUntil: null } payout && payout.RunId == PayoutRun.IdOf(m) ? Results.Ok(payout)
                : ApiProblems.NotFound("Die Auszahlung wurde nicht gefunden."))
            .WithSummary("Eine Auszahlung mit ihren Zeilen (Modell, Menge, Satz, Betrag) und der Anrechnung auf den Freibetrag");
        api.MapPost("/runs/{month}/payouts/{id:guid}/hold", async (string month, Guid id, HoldPayoutRequest request, ReviewPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : (await handler.HoldAsync(m, id, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Eine Auszahlung anhalten (mit Grund)");
        api.MapPost("/runs/{month}/payouts/{id:guid}/release", async (string month, Guid id, ReviewPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : (await handler.ReleaseAsync(m, id, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Eine angehaltene Auszahlung wieder zur Zahlung vorsehen");
        api.MapPost("/runs/{month}/approve", async (string month, ApproveRunRequest request, ReviewPayoutRun handler, CancellationToken ct) =>
                !GermanMonths.TryParseKey(month, out var m) ? ApiProblems.Validation("month", MonthMessage)
                : (await handler.ApproveAsync(m, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Lauf freigeben (Vier-Augen-Prinzip: nicht, wer ihn vorbereitet oder geändert hat)");
        api.MapSepaEndpoints();
    }

    private static object Show(CompensationModel m) => new
    {
        key = m.Id, m.Name, allowance = m.Allowance, allowanceName = AllowanceNames.Long(m.Allowance), m.Rates, m.Version,
    };

    private static object ShowRun(PayoutRun r) => new
    {
        r.Id, month = GermanMonths.Key(r.Month), monthName = GermanMonths.Show(r.Month), status = r.Status, statusText = AllowanceNames.StatusText(r.Status),
        r.PayoutCount, r.Total, r.Withheld, r.FlaggedCount, r.PreparedAt, r.ApprovedByName, r.ApprovedAt, r.Version,
    };
}

internal sealed record PrepareRunRequest(string? Month);
