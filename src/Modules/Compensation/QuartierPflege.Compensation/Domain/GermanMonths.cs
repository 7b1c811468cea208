using System.Globalization;
using NodaTime;

namespace QuartierPflege.Compensation.Domain;

/// <summary>Months and amounts as finance and the volunteers read them ("Oktober 2026", "1.234,50 €").</summary>
internal static class GermanMonths
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    public static string Show(YearMonth month) => new LocalDate(month.Year, month.Month, 1).ToString("MMMM yyyy", Culture);

    public static string Euro(decimal amount) => amount.ToString("#,##0.00", Culture) + " €";

    /// <summary>"2026-10" (the API's and the URLs' form).</summary>
    public static string Key(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseKey(string? text, out YearMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 2000 || year > 2100 || m is < 1 or > 12)
        {
            return false;
        }

        month = new YearMonth(year, m);
        return true;
    }
}
