using System.Globalization;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// How dates, months and money read in German mail: "1. März 2026", "März 2026", "1.234,50 €". Values that are not
/// what the helper expects come out as their plain text, so a wrong field shows up in the mail instead of losing it.
/// </summary>
internal static class GermanFormats
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("d. MMMM uuuu", Culture);
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.Create("MMMM uuuu", Culture);

    public static string Date(object? value) => value switch
    {
        null => string.Empty,
        LocalDate date => DatePattern.Format(date),
        DateOnly date => DatePattern.Format(LocalDate.FromDateOnly(date)),
        // A point in time is shown as the day it was in Saxony.
        Instant instant => DatePattern.Format(instant.InBerlin().Date),
        string text when LocalDatePattern.Iso.Parse(text) is { Success: true } parsed => DatePattern.Format(parsed.Value),
        _ => Text(value),
    };

    public static string Month(object? value) => value switch
    {
        null => string.Empty,
        YearMonth month => MonthPattern.Format(month),
        LocalDate date => MonthPattern.Format(date.ToYearMonth()),
        string text when YearMonthPattern.Iso.Parse(text) is { Success: true } parsed => MonthPattern.Format(parsed.Value),
        _ => Text(value),
    };

    public static string Euro(object? value) => value switch
    {
        null => string.Empty,
        decimal amount => Currency(amount),
        int or long or short => Currency(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) => Currency(amount),
        _ => Text(value),
    };

    // .NET puts a no-break space before the euro sign; a plain space reads the same, and the HTML templates keep the
    // amount on one line themselves (white-space: nowrap), so text mail and searches see "1.234,50 €" as typed.
    private static string Currency(decimal amount) => amount.ToString("C", Culture).Replace('\u00A0', ' ');

    private static string Text(object value) => Convert.ToString(value, Culture) ?? string.Empty;
}
