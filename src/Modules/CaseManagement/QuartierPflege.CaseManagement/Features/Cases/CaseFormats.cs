using System.Globalization;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.CaseManagement.Features.Cases;

/// <summary>How the case pages show dates and times (German: 02.03.2026, 09:15 Uhr).</summary>
internal static class CaseFormats
{
    private static readonly LocalDateTimePattern DayAndTime = LocalDateTimePattern.Create("dd.MM.uuuu, HH:mm", CultureInfo.InvariantCulture);

    public static string Date(LocalDate date) => GermanDates.Show(date);

    public static string Date(LocalDate? date) => date is { } d ? GermanDates.Show(d) : "–";

    public static string DateTime(Instant instant) => DayAndTime.Format(instant.InBerlin().LocalDateTime) + " Uhr";

    public static string IsoDate(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>
    /// Reads a date field (ISO from <c>input type="date"</c>, or typed the German way) with <see cref="GermanDates"/>;
    /// empty is null, anything else unreadable is false.
    /// </summary>
    public static bool TryParseIsoDate(string? text, out LocalDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!GermanDates.TryParseInput(text, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
