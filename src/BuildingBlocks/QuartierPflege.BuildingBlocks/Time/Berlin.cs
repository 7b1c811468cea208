using NodaTime;

namespace QuartierPflege.BuildingBlocks.Time;

/// <summary>
/// The programme's calendar is the one in Saxony: every "today", "this month" and cron schedule is Europe/Berlin,
/// whatever the server's own time zone is.
/// </summary>
public static class Berlin
{
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    public static ZonedDateTime Now(this IClock clock) => clock.GetCurrentInstant().InZone(Zone);

    public static LocalDate Today(this IClock clock) => clock.Now().Date;

    public static YearMonth ThisMonth(this IClock clock) => clock.Today().ToYearMonth();

    public static ZonedDateTime InBerlin(this Instant instant) => instant.InZone(Zone);

    /// <summary>The instant at which the given day starts in Berlin (handles the DST change days).</summary>
    public static Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();
}
