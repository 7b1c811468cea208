using NodaTime;
using NodaTime.Text;

namespace QuartierPflege.BuildingBlocks.Time;

/// <summary>How dates and times are shown on pages (02.03.2026, 02.03.2026 09:15 in Berlin) and read from form fields.</summary>
public static class GermanDates
{
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("dd.MM.uuuu");
    private static readonly LocalDatePattern TypedDay = LocalDatePattern.CreateWithInvariantCulture("d.M.uuuu");
    private static readonly LocalDateTimePattern DayAndTime = LocalDateTimePattern.CreateWithInvariantCulture("dd.MM.uuuu HH:mm");

    public static string Show(LocalDate date) => Day.Format(date);

    /// <summary>A day that may be missing: "–" then, so a table cell or a fact is never blank.</summary>
    public static string Show(LocalDate? date) => date is { } day ? Show(day) : "–";

    /// <summary>The value of an <c>input type="date"</c> (ISO: 2026-03-02), which the browser shows the German way.</summary>
    public static string InputValue(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>The moment as the Berlin wall clock showed it.</summary>
    public static string Show(Instant instant) => DayAndTime.Format(instant.InBerlin().LocalDateTime);

    /// <summary>
    /// How long ago a day was, in words: "heute", "gestern", "vor 3 Tagen" (never "vor 0 Tagen"); a day after
    /// <paramref name="today"/> is "morgen" or "in 3 Tagen".
    /// </summary>
    public static string DaysAgo(LocalDate date, LocalDate today) => DaysAgo(Period.Between(date, today, PeriodUnits.Days).Days);

    /// <summary>A number of days ago in words (negative: ahead), as <see cref="DaysAgo(LocalDate, LocalDate)"/>.</summary>
    public static string DaysAgo(int days)
        => days switch
        {
            0 => "heute",
            1 => "gestern",
            -1 => "morgen",
            > 1 => $"vor {days} Tagen",
            _ => $"in {-days} Tagen",
        };

    /// <summary>The date, with "heute", "gestern" or "morgen" in front where it is one of those: "heute (02.03.2026)".</summary>
    public static string ShowNear(LocalDate date, LocalDate today)
        => Math.Abs(Period.Between(date, today, PeriodUnits.Days).Days) <= 1 ? $"{DaysAgo(date, today)} ({Show(date)})" : Show(date);

    /// <summary>
    /// A date typed into a form: ISO (what <c>input type="date"</c> sends) or German (2.3.2026, 02.03.2026).
    /// </summary>
    public static bool TryParseInput(string text, out LocalDate date)
    {
        var trimmed = text.Trim();
        var parsed = LocalDatePattern.Iso.Parse(trimmed) is { Success: true } iso ? iso : TypedDay.Parse(trimmed);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }
}
