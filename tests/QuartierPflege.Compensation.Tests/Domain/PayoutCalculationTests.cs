using NodaTime;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Tests.Domain;

/// <summary>The money rules of DOMAIN.md ("Compensation models"), without a database.</summary>
public sealed class PayoutCalculationTests
{
    private static readonly YearCaps Caps2026 = YearCaps.Known.Single(c => c.Year == 2026);
    private static readonly YearCaps Caps2025 = YearCaps.Known.Single(c => c.Year == 2025);

    private static ModelTerms Hourly(decimal rate, AllowanceKind allowance = AllowanceKind.Ehrenamtspauschale, params RatePeriod[] more)
        => new("stundensatz", "Stundensatz", allowance, [new RatePeriod(new LocalDate(2020, 1, 1), null, null, rate, null), .. more]);

    private static WorkDone Hours(int year, int month, int day, decimal hours, decimal km = 0m)
        => new(new LocalDate(year, month, day), (int)(hours * 60), km);

    [Fact]
    public void Hourly_pay_is_confirmed_hours_times_the_rate_rounded_to_cents()
    {
        var lines = PayoutCalculation.MonthLines(Hourly(12.50m), new YearMonth(2026, 10),
            [Hours(2026, 10, 2, 2.5m), new WorkDone(new LocalDate(2026, 10, 9), 50, 0m)]);

        var line = Assert.Single(lines);
        Assert.Equal(LineKind.Hourly, line.Kind);
        Assert.Equal(200m / 60m, line.Quantity);
        // 3 h 20 min × 12,50 € = 41,666… → 41,67 €
        Assert.Equal(41.67m, line.Amount);
        Assert.True(line.IsIncome);
    }

    [Fact]
    public void Activities_of_other_months_are_not_counted()
    {
        var lines = PayoutCalculation.MonthLines(Hourly(10m), new YearMonth(2026, 10), [Hours(2026, 9, 30, 4m), Hours(2026, 11, 1, 4m)]);

        Assert.Empty(lines);
    }

    [Fact]
    public void A_flat_allowance_is_paid_pro_rata_by_hours_up_to_its_cap_of_hours()
    {
        var model = new ModelTerms("aufwandspauschale", "Alltagsbegleitung", AllowanceKind.Ehrenamtspauschale,
            [new RatePeriod(new LocalDate(2025, 1, 1), 80m, 32m, null, null)]);

        var half = Assert.Single(PayoutCalculation.MonthLines(model, new YearMonth(2026, 3), [Hours(2026, 3, 3, 10m), Hours(2026, 3, 17, 6m)]));
        var over = Assert.Single(PayoutCalculation.MonthLines(model, new YearMonth(2026, 4), [Hours(2026, 4, 3, 40m)]));
        var third = Assert.Single(PayoutCalculation.MonthLines(model, new YearMonth(2026, 5), [Hours(2026, 5, 3, 10m)]));

        Assert.Equal(40m, half.Amount);
        Assert.Equal(80m, over.Amount);
        Assert.Equal(25m, third.Amount);
        Assert.Equal(LineKind.Flat, half.Kind);
    }

    [Fact]
    public void A_flat_allowance_without_hours_cap_is_the_full_amount_in_any_active_month_and_nothing_in_an_idle_one()
    {
        var model = new ModelTerms("pauschale", "Pauschale", AllowanceKind.Ehrenamtspauschale, [new RatePeriod(new LocalDate(2025, 1, 1), 50m, null, null, null)]);

        Assert.Equal(50m, Assert.Single(PayoutCalculation.MonthLines(model, new YearMonth(2026, 3), [Hours(2026, 3, 3, 1m)])).Amount);
        Assert.Empty(PayoutCalculation.MonthLines(model, new YearMonth(2026, 4), []));
    }

    [Fact]
    public void Mileage_is_kilometres_times_the_rate_and_is_not_income()
    {
        var model = new ModelTerms("fahrtkosten", "Fahrdienst", AllowanceKind.Ehrenamtspauschale, [new RatePeriod(new LocalDate(2025, 1, 1), null, null, null, 0.30m)]);

        var line = Assert.Single(PayoutCalculation.MonthLines(model, new YearMonth(2026, 10), [Hours(2026, 10, 1, 1m, 12.5m), Hours(2026, 10, 8, 1m, 30m)]));
        var figures = PayoutCalculation.Settle([line], _ => 0m);

        Assert.Equal(LineKind.Mileage, line.Kind);
        Assert.Equal(12.75m, line.Amount);
        Assert.False(line.IsIncome);
        // No allowance left at all, still the mileage is reimbursed in full.
        Assert.Equal(12.75m, figures.Total);
        Assert.Equal(0m, figures.WithheldAboveCap);
        Assert.Empty(figures.Flags);
    }

    [Fact]
    public void A_combined_model_pays_its_flat_allowance_and_its_mileage()
    {
        var model = new ModelTerms("kombi", "Alltagsbegleitung mit Fahrten", AllowanceKind.Ehrenamtspauschale,
            [new RatePeriod(new LocalDate(2025, 1, 1), 80m, 32m, null, 0.30m)]);

        var lines = PayoutCalculation.MonthLines(model, new YearMonth(2026, 6), [Hours(2026, 6, 1, 32m, 100m)]);

        Assert.Equal([LineKind.Mileage, LineKind.Flat], lines.Select(l => l.Kind));
        Assert.Equal(110m, lines.Sum(l => l.Amount));
    }

    [Fact]
    public void An_hourly_rate_changing_mid_month_prices_each_day_at_the_rate_in_force_and_gives_two_lines()
    {
        var model = Hourly(12m, AllowanceKind.Ehrenamtspauschale, new RatePeriod(new LocalDate(2026, 10, 16), null, null, 14m, null));

        var lines = PayoutCalculation.MonthLines(model, new YearMonth(2026, 10), [Hours(2026, 10, 15, 3m), Hours(2026, 10, 16, 2m), Hours(2026, 10, 30, 1m)]);

        Assert.Equal(2, lines.Count);
        Assert.Equal((3m, 12m, 36m), (lines[0].Quantity, lines[0].Rate, lines[0].Amount));
        Assert.Equal((3m, 14m, 42m), (lines[1].Quantity, lines[1].Rate, lines[1].Amount));
        Assert.Contains("ab 16.10.2026", lines[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Work_before_a_model_has_any_rate_earns_nothing()
    {
        var model = new ModelTerms("neu", "Neu", AllowanceKind.Ehrenamtspauschale, [new RatePeriod(new LocalDate(2026, 11, 1), null, null, 10m, null)]);

        Assert.Empty(PayoutCalculation.MonthLines(model, new YearMonth(2026, 10), [Hours(2026, 10, 20, 3m)]));
    }

    [Fact]
    public void The_2026_cap_crossed_in_the_middle_of_the_year_pays_up_to_the_cap_and_withholds_and_flags_the_rest()
    {
        var model = Hourly(10m);
        var paidSoFar = 0m;
        var results = new List<PayoutFigures>();
        for (var month = 1; month <= 12; month++)
        {
            // 15 hours a month at 10 €: 150 € income each month; 960 € are reached in July.
            var lines = PayoutCalculation.MonthLines(model, new YearMonth(2026, month), [Hours(2026, month, 10, 15m)]);
            var left = PayoutCalculation.RemainingCap(Caps2026, AllowanceKind.Ehrenamtspauschale, 0m, paidSoFar);
            var figures = PayoutCalculation.Settle(lines, _ => left);
            paidSoFar += figures.Caps.Sum(c => c.Paid);
            results.Add(figures);
        }

        Assert.All(results.Take(6), r => Assert.Equal((150m, 0m), (r.Total, r.WithheldAboveCap)));
        Assert.Equal((60m, 90m), (results[6].Total, results[6].WithheldAboveCap));
        Assert.Contains(PayoutCalculation.FlagCapReached, results[6].Flags);
        Assert.All(results.Skip(7), r => Assert.Equal((0m, 150m), (r.Total, r.WithheldAboveCap)));
        Assert.Equal(960m, paidSoFar);
    }

    [Fact]
    public void An_allowance_declared_as_used_elsewhere_lowers_what_remains_of_the_cap()
    {
        var lines = PayoutCalculation.MonthLines(Hourly(10m), new YearMonth(2026, 3), [Hours(2026, 3, 10, 20m)]);

        var left = PayoutCalculation.RemainingCap(Caps2026, AllowanceKind.Ehrenamtspauschale, declaredElsewhere: 800m, paidEarlierThisYear: 50m);
        var figures = PayoutCalculation.Settle(lines, _ => left);

        Assert.Equal(110m, left);
        Assert.Equal(110m, figures.Total);
        Assert.Equal(90m, figures.WithheldAboveCap);
        Assert.Equal(0m, PayoutCalculation.RemainingCap(Caps2026, AllowanceKind.Ehrenamtspauschale, 1000m, 0m));
    }

    [Fact]
    public void The_new_year_resets_the_cap()
    {
        var model = Hourly(10m);
        var december = PayoutCalculation.Settle(PayoutCalculation.MonthLines(model, new YearMonth(2025, 12), [Hours(2025, 12, 1, 20m)]),
            _ => PayoutCalculation.RemainingCap(Caps2025, AllowanceKind.Ehrenamtspauschale, 0m, paidEarlierThisYear: 840m));
        // Nothing paid yet in 2026: what December paid does not count against the new year.
        var january = PayoutCalculation.Settle(PayoutCalculation.MonthLines(model, new YearMonth(2026, 1), [Hours(2026, 1, 5, 20m)]),
            _ => PayoutCalculation.RemainingCap(Caps2026, AllowanceKind.Ehrenamtspauschale, 0m, paidEarlierThisYear: 0m));

        Assert.Equal((0m, 200m), (december.Total, december.WithheldAboveCap));
        Assert.Equal((200m, 0m), (january.Total, january.WithheldAboveCap));
    }

    [Fact]
    public void The_two_allowances_are_capped_separately()
    {
        var lines = PayoutCalculation.MonthLines(Hourly(10m), new YearMonth(2026, 3), [Hours(2026, 3, 1, 10m)])
            .Concat(PayoutCalculation.MonthLines(Hourly(20m, AllowanceKind.Uebungsleiterpauschale), new YearMonth(2026, 3), [Hours(2026, 3, 2, 10m)]))
            .ToList();

        var figures = PayoutCalculation.Settle(lines, k => k == AllowanceKind.Ehrenamtspauschale ? 40m : 3300m);

        Assert.Equal(240m, figures.Total);
        Assert.Equal(60m, figures.WithheldAboveCap);
    }

    [Fact]
    public void Income_without_an_allowance_is_paid_but_flagged_as_taxable()
    {
        var figures = PayoutCalculation.Settle(PayoutCalculation.MonthLines(Hourly(10m, AllowanceKind.None), new YearMonth(2026, 3), [Hours(2026, 3, 1, 10m)]), _ => 0m);

        Assert.Equal(100m, figures.Total);
        Assert.Contains(PayoutCalculation.FlagTaxable, figures.Flags);
    }

    [Fact]
    public void A_year_without_caps_table_withholds_all_capped_income()
    {
        Assert.Equal(0m, PayoutCalculation.RemainingCap(null, AllowanceKind.Ehrenamtspauschale, 0m, 0m));
    }

    [Fact]
    public void A_correction_of_a_settled_month_becomes_an_adjustment_line_once()
    {
        var model = Hourly(10m);
        var october = new YearMonth(2026, 10);
        var settled = PayoutCalculation.MonthLines(model, october, [Hours(2026, 10, 1, 3m, 10m)]);
        var now = PayoutCalculation.MonthLines(model, october, [Hours(2026, 10, 1, 2m, 10m)]);

        var adjustment = Assert.Single(PayoutCalculation.Adjustments(october, now, settled, _ => "Stundensatz"));
        var again = PayoutCalculation.Adjustments(october, now, [.. settled, adjustment], _ => "Stundensatz");

        Assert.Equal((-10m, LineKind.Adjustment, true), (adjustment.Amount, adjustment.Kind, adjustment.IsIncome));
        Assert.StartsWith("Korrektur Oktober 2026", adjustment.Text, StringComparison.Ordinal);
        Assert.Empty(again);
    }

    [Fact]
    public void Corrections_taking_back_more_than_a_month_pays_are_flagged()
    {
        var figures = PayoutCalculation.Settle(
            [new PayoutLine("stundensatz", LineKind.Adjustment, "Korrektur", 1m, "Korrektur", -30m, -30m, AllowanceKind.Ehrenamtspauschale, true, new YearMonth(2026, 9))],
            _ => 100m);

        Assert.Equal(-30m, figures.Total);
        Assert.Contains(PayoutCalculation.FlagNegative, figures.Flags);
    }
}
