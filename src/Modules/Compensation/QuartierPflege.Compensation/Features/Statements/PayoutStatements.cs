using Marten;
using NodaTime;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Features.Statements;

/// <summary>One month's payout as the volunteer sees it (only payouts of approved runs: a draft can still change).</summary>
internal sealed record MonthStatement(
    YearMonth Month,
    string Status,
    IReadOnlyList<PayoutLine> Lines,
    decimal Total,
    decimal WithheldAboveCap,
    IReadOnlyList<string> Flags,
    bool Held,
    string? HeldReason);

/// <summary>What remains of an allowance in a year: cap − declared elsewhere − paid against it by the year's payouts.</summary>
internal sealed record AllowanceStanding(AllowanceKind Allowance, string Name, decimal Cap, decimal DeclaredElsewhere, decimal PaidAgainst, decimal Remaining);

/// <summary>A volunteer's year: the months, what was transferred, mileage (not income) and the allowances' standing.</summary>
internal sealed record YearStatement(
    Guid VolunteerId,
    string DisplayName,
    string Quartier,
    int Year,
    IReadOnlyList<MonthStatement> Months,
    decimal Paid,
    decimal Mileage,
    decimal Withheld,
    IReadOnlyList<AllowanceStanding> Allowances);

/// <summary>
/// A volunteer's payouts and statements: those of runs that are approved, exported or paid (a draft is not theirs to
/// see yet). Held payouts are shown with their reason but count towards nothing.
/// </summary>
internal static class PayoutStatements
{
    /// <summary>The year a page asks for (<c>?jahr=</c>), or the running one when none or an implausible one is given.</summary>
    public static int YearOrCurrent(int? year, LocalDate today) => year is >= 2000 and <= 2100 ? year.Value : today.Year;

    public static async Task<YearStatement?> YearAsync(IQuerySession session, Guid volunteerId, int year, CancellationToken cancellationToken)
    {
        var payee = await session.LoadAsync<Payee>(volunteerId, cancellationToken);
        if (payee?.RestrictedUntil is not null)
        {
            return null;
        }

        var from = year * 100;
        var to = (year + 1) * 100;
        var payouts = await session.Query<Payout>()
            .Where(p => p.VolunteerId == volunteerId && p.MonthKey > from && p.MonthKey < to)
            .ToListAsync(cancellationToken);
        if (payee is null && payouts.Count == 0)
        {
            return null;
        }

        var runs = payouts.Count == 0 ? new Dictionary<Guid, PayoutRun>()
            : (await session.LoadManyAsync<PayoutRun>(cancellationToken, payouts.Select(p => p.RunId).Distinct())).ToDictionary(r => r.Id);
        var settled = payouts.Where(p => runs.TryGetValue(p.RunId, out var r) && r.Status != RunStatus.Draft).OrderBy(p => p.MonthKey).ToList();
        var counted = settled.Where(p => !p.Held).ToList();
        var caps = (await Catalogue.CapsAsync(session, cancellationToken)).GetValueOrDefault(year);
        var allowances = new[] { AllowanceKind.Ehrenamtspauschale, AllowanceKind.Uebungsleiterpauschale }
            .Select(kind =>
            {
                var declared = payee?.DeclaredElsewhere(year, kind) ?? 0m;
                var against = counted.Sum(p => p.PaidAgainst(kind));
                return new AllowanceStanding(kind, Runs.AllowanceNames.Long(kind), caps?.For(kind) ?? 0m, declared, against,
                    PayoutCalculation.RemainingCap(caps, kind, declared, against));
            })
            .ToList();
        return new YearStatement(
            volunteerId,
            payee?.DisplayName ?? settled.Select(p => p.DisplayName).FirstOrDefault() ?? string.Empty,
            payee?.Quartier ?? settled.Select(p => p.Quartier).FirstOrDefault() ?? string.Empty,
            year,
            [.. settled.Select(p => new MonthStatement(Accrual.MonthOf(p.MonthKey), Runs.AllowanceNames.StatusText(runs[p.RunId].Status), p.Lines, p.Total,
                p.WithheldAboveCap, p.Flags, p.Held, p.HeldReason))],
            counted.Sum(p => p.Total),
            counted.Sum(p => p.Mileage),
            counted.Sum(p => p.WithheldAboveCap),
            allowances);
    }

    /// <summary>The quantity as a statement line shows it ("12,5 Std.", "42 km").</summary>
    public static string Quantity(PayoutLine line)
        => $"{Math.Round(line.Quantity, 2).ToString("0.##", GermanMonths.Culture)}{(line.Unit.Length > 0 ? " " + line.Unit : string.Empty)}";
}
