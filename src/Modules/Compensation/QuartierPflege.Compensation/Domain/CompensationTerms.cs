using NodaTime;

namespace QuartierPflege.Compensation.Domain;

/// <summary>Which tax-free allowance (Freibetrag) the income of a model counts against.</summary>
internal enum AllowanceKind
{
    /// <summary>No allowance applies: the income is paid in full and flagged as taxable for finance.</summary>
    None,

    /// <summary>Ehrenamtspauschale, §3 Nr. 26a EStG.</summary>
    Ehrenamtspauschale,

    /// <summary>Übungsleiterpauschale, §3 Nr. 26 EStG.</summary>
    Uebungsleiterpauschale,
}

/// <summary>
/// The rates of a model from <see cref="EffectiveFrom"/> until the next period starts. Every component is optional, so
/// "unpaid" is a period without any and combinations (flat allowance plus mileage) are one period with several.
/// </summary>
/// <param name="MonthlyFlat">Aufwandspauschale per month with at least one confirmed activity.</param>
/// <param name="FlatHoursCap">With a flat amount: paid pro rata by hours, in full from this many hours (80 € up to 32 h).</param>
/// <param name="HourlyRate">Stundensatz per confirmed hour.</param>
/// <param name="PerKilometre">Fahrtkosten per kilometre (not income, never capped).</param>
internal sealed record RatePeriod(LocalDate EffectiveFrom, decimal? MonthlyFlat, decimal? FlatHoursCap, decimal? HourlyRate, decimal? PerKilometre);

/// <summary>What the calculation needs of a compensation model.</summary>
internal sealed record ModelTerms(string Key, string Name, AllowanceKind Allowance, IReadOnlyList<RatePeriod> Rates)
{
    public RatePeriod? RateOn(LocalDate date)
    {
        RatePeriod? found = null;
        foreach (var rate in Rates)
        {
            if (rate.EffectiveFrom <= date && (found is null || rate.EffectiveFrom > found.EffectiveFrom))
            {
                found = rate;
            }
        }

        return found;
    }
}

/// <summary>One confirmed activity as far as money is concerned.</summary>
internal sealed record WorkDone(LocalDate Date, int Minutes, decimal Kilometres);

internal enum LineKind
{
    Flat,
    Hourly,
    Mileage,

    /// <summary>The difference a correction made to a month that was already settled.</summary>
    Adjustment,
}

/// <summary>
/// One line of a payout. <see cref="Amount"/> is gross: the cap is applied to the payout's income as a whole, and
/// what lies above it is withheld there, not hidden in the lines.
/// </summary>
internal sealed record PayoutLine(
    string ModelKey,
    LineKind Kind,
    string Text,
    decimal Quantity,
    string Unit,
    decimal Rate,
    decimal Amount,
    AllowanceKind Allowance,
    bool IsIncome,
    YearMonth ForMonth);

/// <summary>The tax-free caps of one calendar year (the table finance maintains).</summary>
internal sealed record YearCaps(int Year, decimal Ehrenamtspauschale, decimal Uebungsleiterpauschale, decimal MinijobPerMonth)
{
    public decimal For(AllowanceKind kind) => kind switch
    {
        AllowanceKind.Ehrenamtspauschale => Ehrenamtspauschale,
        AllowanceKind.Uebungsleiterpauschale => Uebungsleiterpauschale,
        _ => 0m,
    };

    /// <summary>The figures of DOMAIN.md, seeded; later years are entered by finance.</summary>
    public static IReadOnlyList<YearCaps> Known { get; } =
    [
        new(2025, 840m, 3000m, 556m),
        new(2026, 960m, 3300m, 603m),
    ];
}
