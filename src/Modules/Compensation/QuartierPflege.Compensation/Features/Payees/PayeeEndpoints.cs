using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.Compensation.Features.Statements;

namespace QuartierPflege.Compensation.Features.Payees;

/// <summary>
/// The payee side of the API: a volunteer's own bank details, declaration and payouts (someone else's are 404), the
/// annual summary (the volunteer or finance) and the yearly budget report (finance).
/// </summary>
internal static class PayeeEndpoints
{
    private const int FirstYear = 2000;
    private const int LastYear = 2100;

    public static void MapPayeeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var own = endpoints.MapGroup("/api/compensation").WithTags("Vergütung").RequireAuthorization(Policies.Volunteering);
        own.MapGet("/me", async (PayeeAccess access, CancellationToken ct) =>
                await access.MineAsync(ct) is { } payee ? Results.Ok(Show(payee)) : ApiProblems.NotFound(PayeeAccess.NotFoundMessage))
            .WithSummary("Die eigenen Auszahlungsdaten (Bankverbindung, Erklärung, Änderungen)");
        own.MapGet("/payees/{volunteerId:guid}", async (Guid volunteerId, PayeeAccess access, IQuerySession session, CancellationToken ct) =>
                await access.IsSelfAsync(volunteerId, ct) && await session.LoadAsync<Payee>(volunteerId, ct) is { } payee
                    ? Results.Ok(Show(payee)) : ApiProblems.NotFound(PayeeAccess.NotFoundMessage))
            .WithSummary("Auszahlungsdaten einer oder eines Ehrenamtlichen (nur die eigenen)");
        own.MapPut("/payees/{volunteerId:guid}/bank-details", async (Guid volunteerId, SaveBankDetailsRequest request, SaveBankDetails handler, CancellationToken ct) =>
                (await handler.HandleAsync(volunteerId, request, ct)).ToHttpResult(version => TypedResults.Ok(new { version })))
            .WithSummary("Eigene IBAN, Kontoinhaber und Erklärung zu anderweitig genutzten Freibeträgen des laufenden Jahres speichern (mit der gelesenen Version)");
        own.MapGet("/payees/{volunteerId:guid}/payouts", async (Guid volunteerId, int? year, PayeeAccess access, IQuerySession session, IClock clock, CancellationToken ct) =>
            {
                var y = year ?? clock.Today().Year;
                if (y is < FirstYear or > LastYear)
                {
                    return ApiProblems.Validation("year", "Bitte geben Sie das Jahr vierstellig an (z. B. 2026).");
                }

                return await access.IsSelfAsync(volunteerId, ct) && await PayoutStatements.YearAsync(session, volunteerId, y, ct) is { } statement
                    ? Results.Ok(statement) : ApiProblems.NotFound(PayeeAccess.NotFoundMessage);
            })
            .WithSummary("Die eigenen Auszahlungen eines Jahres nach Monat: Zeilen, Beträge, Einbehaltenes mit Grund, Jahressumme und verbleibender Freibetrag");

        endpoints.MapGet("/api/compensation/payees/{volunteerId:guid}/years/{year:int}", async (Guid volunteerId, int year, PayeeAccess access, IQuerySession session, CancellationToken ct) =>
            {
                if (year is < FirstYear or > LastYear)
                {
                    return ApiProblems.Validation("year", "Bitte geben Sie das Jahr vierstellig an (z. B. 2026).");
                }

                return (access.IsFinance || await access.IsSelfAsync(volunteerId, ct)) && await PayoutStatements.YearAsync(session, volunteerId, year, ct) is { } statement
                    ? Results.Ok(statement) : ApiProblems.NotFound(PayeeAccess.NotFoundMessage);
            })
            .WithTags("Vergütung").RequireAuthorization(Policies.SignedIn)
            .WithSummary("Jahresübersicht einer oder eines Ehrenamtlichen für die Steuerunterlagen (die eigene, oder für Finanzen/Koordination)");

        endpoints.MapGet("/api/compensation/finance/payees/{volunteerId:guid}", async (Guid volunteerId, DataProtection.PayeeView view, CancellationToken ct) =>
                await view.ReadAsync(volunteerId, "Zahlungsempfänger (API)", ct) is { } payee
                    ? Results.Ok(new
                    {
                        payee.VolunteerId, payee.DisplayName, payee.Quartier, payee.Iban, payee.AccountHolder, payee.HasBankDetails,
                        reads = payee.Reads.Select(r => new { r.At, r.ReaderName, r.Where }),
                    })
                    : ApiProblems.NotFound(PayeeAccess.NotFoundMessage))
            .WithTags("Vergütung").RequireAuthorization(Policies.Finance)
            .WithSummary("Bankverbindung einer oder eines Ehrenamtlichen für Finanzen (jeder Abruf wird protokolliert; die Koordination sieht das Protokoll)");

        var finance = endpoints.MapGroup("/api/compensation/budget").WithTags("Vergütung").RequireAuthorization(Policies.Finance);
        finance.MapGet("/{year:int}", async (int year, IQuerySession session, CancellationToken ct) =>
                year is < FirstYear or > LastYear ? ApiProblems.Validation("year", "Bitte geben Sie das Jahr vierstellig an (z. B. 2026).")
                : Results.Ok(await BudgetReport.YearAsync(session, year, ct)))
            .WithSummary("Jahresbericht: ausgezahlte Beträge nach Vergütungsmodell und Quartier");
        finance.MapGet("/{year:int}/csv", async (int year, IQuerySession session, CancellationToken ct) =>
                year is < FirstYear or > LastYear ? ApiProblems.Validation("year", "Bitte geben Sie das Jahr vierstellig an (z. B. 2026).")
                : CsvFile.Result(BudgetReport.FileName(year), BudgetReport.Header, BudgetReport.CsvRows(year, await BudgetReport.YearAsync(session, year, ct))))
            .WithSummary("Jahresbericht als CSV (Semikolon, UTF-8 mit BOM)");
    }

    /// <summary>The payee as its owner reads it: the IBAN in full (it is theirs) and grouped; the history as recorded.</summary>
    public static object Show(Payee payee)
    {
        var iban = payee.Iban is { } text && Iban.TryParse(text, out var parsed, out _) ? parsed : null;
        return new
        {
            volunteerId = payee.Id, payee.DisplayName, iban = iban?.Grouped, ibanMasked = iban?.Masked, payee.AccountHolder, payee.HasBankDetails,
            payee.Declarations, history = payee.History.Select(h => new { h.At, h.ByName, h.What }), payee.Version,
        };
    }
}
