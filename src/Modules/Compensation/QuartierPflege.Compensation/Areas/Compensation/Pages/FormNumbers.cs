using System.Globalization;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>
/// Amounts and dates as people type them into the forms ("12,50", "01.01.2027" or the date picker's "2027-01-01").
/// Only reading: whether a value is allowed is the use case's validator's to say, on the page as in the API.
/// </summary>
internal static class FormNumbers
{
    /// <summary>Null for an empty field; false when the text is no number (a point is not read as a decimal sign: "1.000" is ambiguous).</summary>
    public static bool TryAmount(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var cleaned = text.Trim().Replace("€", string.Empty, StringComparison.Ordinal).Trim();
        if (cleaned.Contains('.', StringComparison.Ordinal)
            || !decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, GermanMonths.Culture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    public static bool TryDate(string? text, out LocalDate? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!GermanDates.TryParseInput(text, out var date))
        {
            return false;
        }

        value = date;
        return true;
    }

    /// <summary>An amount for a form field: "12,5" stays as typed people read it, no thousands separator.</summary>
    public static string Field(decimal? value) => value?.ToString("0.##", GermanMonths.Culture) ?? string.Empty;

    /// <summary>What a rate period pays, in words ("80,00 € im Monat, anteilig bis 32 Std.; 0,30 € je km").</summary>
    public static string Describe(RatePeriod rate)
    {
        var parts = new List<string>();
        if (rate.MonthlyFlat is { } flat)
        {
            parts.Add(rate.FlatHoursCap is { } hours
                ? $"{GermanMonths.Euro(flat)} im Monat, anteilig nach Stunden (voll ab {hours.ToString("0.##", GermanMonths.Culture)} Std.)"
                : $"{GermanMonths.Euro(flat)} je Monat mit Einsatz");
        }

        if (rate.HourlyRate is { } hourly)
        {
            parts.Add($"{GermanMonths.Euro(hourly)} je Stunde");
        }

        if (rate.PerKilometre is { } km)
        {
            parts.Add($"{km.ToString("0.00", GermanMonths.Culture)} € je km");
        }

        return parts.Count == 0 ? "unentgeltlich (nichts ausgezahlt)" : string.Join("; ", parts);
    }
}
