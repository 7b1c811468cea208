using NodaTime;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Compensation.Domain;

/// <summary>How much of a payout's income a cap let through, per allowance.</summary>
internal sealed record CapUse(AllowanceKind Allowance, decimal Income, decimal RemainingBefore, decimal Paid, decimal Withheld);

/// <summary>A month's result for one volunteer: what is transferred, what was withheld above a cap, and why.</summary>
internal sealed record PayoutFigures(
    IReadOnlyList<PayoutLine> Lines,
    IReadOnlyList<CapUse> Caps,
    decimal Mileage,
    decimal Total,
    decimal WithheldAboveCap,
    IReadOnlyList<string> Flags);

/// <summary>
/// The money rules as plain functions (no database, no clock). Amounts are rounded to cents per line, half away from
/// zero (kaufmännisch); quantities (hours, kilometres) are kept exact and only rounded for display.
/// </summary>
internal static class PayoutCalculation
{
    public const string FlagCapReached = "Freibetrag ausgeschöpft: ein Teil wird einbehalten";
    public const string FlagTaxable = "Vergütung ohne Freibetrag (steuerpflichtig)";
    public const string FlagNegative = "Rückforderung: Korrekturen übersteigen die Auszahlung";

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The gross lines one model earns in <paramref name="month"/>. Hours and kilometres are priced at the rate in force on
    /// the activity's day (a rate changing mid-month gives two lines); the flat allowance at the rate in force on the
    /// month's last day, pro rata by the month's hours when the period has a cap of hours.
    /// </summary>
    public static IReadOnlyList<PayoutLine> MonthLines(ModelTerms model, YearMonth month, IEnumerable<WorkDone> work)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inMonth = work.Where(w => w.Date.ToYearMonth() == month).ToList();
        var lines = new List<PayoutLine>();
        if (inMonth.Count == 0)
        {
            return lines;
        }

        foreach (var group in inMonth.GroupBy(w => model.RateOn(w.Date)).Where(g => g.Key is not null).OrderBy(g => g.Key!.EffectiveFrom))
        {
            var rate = group.Key!;
            var since = rate.EffectiveFrom > month.OnDayOfMonth(1) ? $" (ab {GermanDates.Show(rate.EffectiveFrom)})" : string.Empty;
            if (rate.HourlyRate is > 0m and var hourly)
            {
                var hours = group.Sum(w => (decimal)w.Minutes) / 60m;
                if (hours > 0m)
                {
                    lines.Add(new PayoutLine(model.Key, LineKind.Hourly, $"{model.Name}: Stunden{since}", hours, "Std.", hourly,
                        Cents(hours * hourly), model.Allowance, IsIncome: true, month));
                }
            }

            if (rate.PerKilometre is > 0m and var perKm)
            {
                var km = group.Sum(w => w.Kilometres);
                if (km > 0m)
                {
                    lines.Add(new PayoutLine(model.Key, LineKind.Mileage, $"{model.Name}: Fahrtkosten{since}", km, "km", perKm,
                        Cents(km * perKm), AllowanceKind.None, IsIncome: false, month));
                }
            }
        }

        var last = model.RateOn(month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
        if (last?.MonthlyFlat is > 0m and var flat)
        {
            var hours = inMonth.Sum(w => (decimal)w.Minutes) / 60m;
            if (last.FlatHoursCap is > 0m and var capHours)
            {
                var share = Math.Min(hours, capHours) / capHours;
                var amount = Cents(flat * share);
                if (amount > 0m)
                {
                    lines.Add(new PayoutLine(model.Key, LineKind.Flat, $"{model.Name}: Pauschale anteilig ({Show(Math.Min(hours, capHours))} von {Show(capHours)} Std.)",
                        share, "Anteil", flat, amount, model.Allowance, IsIncome: true, month));
                }
            }
            else
            {
                lines.Add(new PayoutLine(model.Key, LineKind.Flat, $"{model.Name}: Pauschale", 1m, "Monat", flat, flat, model.Allowance, IsIncome: true, month));
            }
        }

        return lines;
    }

    /// <summary>
    /// What is left of an allowance for a year: the cap, less what the volunteer declared as used elsewhere, less what
    /// earlier payouts of the same year already paid against it. Never below zero.
    /// </summary>
    public static decimal RemainingCap(YearCaps? caps, AllowanceKind kind, decimal declaredElsewhere, decimal paidEarlierThisYear)
        => kind == AllowanceKind.None || caps is null ? 0m : Math.Max(0m, caps.For(kind) - declaredElsewhere - paidEarlierThisYear);

    /// <summary>
    /// Applies the caps to a month's lines: mileage is paid in full (not income); income of a capped allowance is paid up
    /// to what remains of it and the rest is withheld and flagged; income without allowance is paid and flagged as taxable.
    /// A year without a caps table withholds all capped income (nothing taxable is paid silently).
    /// </summary>
    public static PayoutFigures Settle(IReadOnlyList<PayoutLine> lines, Func<AllowanceKind, decimal> remaining)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(remaining);
        var flags = new List<string>();
        var mileage = lines.Where(l => !l.IsIncome).Sum(l => l.Amount);
        var caps = new List<CapUse>();
        var paid = 0m;
        foreach (var group in lines.Where(l => l.IsIncome).GroupBy(l => l.Allowance).OrderBy(g => g.Key))
        {
            var income = group.Sum(l => l.Amount);
            if (group.Key == AllowanceKind.None)
            {
                paid += income;
                caps.Add(new CapUse(group.Key, income, 0m, income, 0m));
                if (income > 0m)
                {
                    flags.Add(FlagTaxable);
                }

                continue;
            }

            var left = remaining(group.Key);
            // A negative correction gives back what it took: it is paid back against the cap, never withheld.
            var through = income <= 0m ? income : Math.Min(income, left);
            paid += through;
            caps.Add(new CapUse(group.Key, income, left, through, income - through));
            if (income - through > 0m && !flags.Contains(FlagCapReached))
            {
                flags.Add(FlagCapReached);
            }
        }

        var total = paid + mileage;
        if (total < 0m)
        {
            flags.Add(FlagNegative);
        }

        return new PayoutFigures(lines, caps, mileage, total, caps.Sum(c => c.Withheld), flags);
    }

    /// <summary>
    /// Adjustment lines for a month settled earlier: what the month earns now (after corrections) less what its lines in
    /// earlier payouts said, per model and income/mileage. Idempotent: once an adjustment is paid the difference is zero.
    /// </summary>
    public static IReadOnlyList<PayoutLine> Adjustments(YearMonth settledMonth, IReadOnlyList<PayoutLine> now, IReadOnlyList<PayoutLine> settled, Func<string, string> modelName)
    {
        ArgumentNullException.ThrowIfNull(modelName);
        var result = new List<PayoutLine>();
        var keys = now.Concat(settled).Where(l => l.ForMonth == settledMonth)
            .Select(l => (l.ModelKey, l.IsIncome, l.Allowance)).Distinct().OrderBy(k => k.ModelKey, StringComparer.Ordinal).ThenBy(k => !k.IsIncome);
        foreach (var (model, income, allowance) in keys)
        {
            bool Same(PayoutLine l) => l.ForMonth == settledMonth && l.ModelKey == model && l.IsIncome == income && l.Allowance == allowance;
            var difference = now.Where(Same).Sum(l => l.Amount) - settled.Where(Same).Sum(l => l.Amount);
            if (difference != 0m)
            {
                var what = income ? "Vergütung" : "Fahrtkosten";
                result.Add(new PayoutLine(model, LineKind.Adjustment, $"Korrektur {GermanMonths.Show(settledMonth)}: {modelName(model)}, {what}", 1m, "Korrektur",
                    difference, difference, allowance, income, settledMonth));
            }
        }

        return result;
    }

    private static string Show(decimal hours) => hours.ToString("0.##", GermanMonths.Culture);
}
