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

    /// <summary>Reads the value of an <c>input type="date"</c> (ISO); empty is null, anything else unreadable is false.</summary>
    public static bool TryParseIsoDate(string? text, out LocalDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (result.Success)
        {
            date = result.Value;
        }

        return result.Success;
    }
}
