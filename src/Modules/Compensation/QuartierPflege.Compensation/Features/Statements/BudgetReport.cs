using System.Globalization;
using Marten;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Features.Statements;

/// <summary>One row of the yearly budget report: what a model cost in a Quartier (lines of paid-out payouts).</summary>
internal sealed record BudgetRow(string Model, string Quartier, int Volunteers, int Payouts, decimal Amount);

/// <summary>
/// The yearly budget by model and Quartier (Finanzen/Koordination): the lines of payouts of approved runs that were not
/// held, summed per model and the payee's Quartier. The part withheld above the caps (not transferred) is a row of its own
/// per Quartier, positive like every amount, because a spreadsheet cell starting with "-" is defused as a possible formula.
/// </summary>
internal static class BudgetReport
{
    public const string WithheldRow = "Einbehalten über dem Freibetrag (nicht überwiesen)";

    public static readonly IReadOnlyList<string> Header = ["Jahr", "Modell", "Quartier", "Ehrenamtliche", "Auszahlungen", "Betrag (EUR)"];

    public static async Task<IReadOnlyList<BudgetRow>> YearAsync(IQuerySession session, int year, CancellationToken cancellationToken)
    {
        var from = year * 100;
        var to = (year + 1) * 100;
        var settledRuns = (await session.Query<PayoutRun>().Where(r => r.MonthKey > from && r.MonthKey < to && r.Status != RunStatus.Draft)
            .Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
        var payouts = (await session.Query<Payout>().Where(p => p.MonthKey > from && p.MonthKey < to && !p.Held).ToListAsync(cancellationToken))
            .Where(p => settledRuns.Contains(p.RunId)).ToList();
        var models = await Catalogue.ModelsAsync(session, cancellationToken);
        string ModelName(string key) => models.TryGetValue(key, out var m) ? m.Name : key;
        var lines = payouts.SelectMany(p => p.Lines.Select(l => (Payout: p, Line: l)))
            .GroupBy(x => (Model: ModelName(x.Line.ModelKey), x.Payout.Quartier))
            .Select(g => new BudgetRow(g.Key.Model, g.Key.Quartier, g.Select(x => x.Payout.VolunteerId).Distinct().Count(),
                g.Select(x => x.Payout.Id).Distinct().Count(), g.Sum(x => x.Line.Amount)));
        var withheld = payouts.Where(p => p.WithheldAboveCap > 0m).GroupBy(p => p.Quartier)
            .Select(g => new BudgetRow(WithheldRow, g.Key, g.Select(p => p.VolunteerId).Distinct().Count(), g.Count(), g.Sum(p => p.WithheldAboveCap)));
        return [.. lines.Concat(withheld)
            .OrderBy(r => r.Model == WithheldRow)
            .ThenBy(r => r.Model, StringComparer.Create(GermanMonths.Culture, false))
            .ThenBy(r => r.Quartier, StringComparer.Create(GermanMonths.Culture, false))];
    }

    public static IEnumerable<IReadOnlyList<string?>> CsvRows(int year, IReadOnlyList<BudgetRow> rows)
        => rows.Select(r => (IReadOnlyList<string?>)
        [
            year.ToString(CultureInfo.InvariantCulture), r.Model, r.Quartier, r.Volunteers.ToString(CultureInfo.InvariantCulture),
            r.Payouts.ToString(CultureInfo.InvariantCulture), r.Amount.ToString("0.00", GermanMonths.Culture),
        ]);

    public static string FileName(int year) => $"verguetung-budget-{year}.csv";
}
