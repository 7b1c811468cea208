using System.Globalization;
using Microsoft.Extensions.Localization;

namespace QuartierPflege.Host.Administration;

/// <summary>
/// A cron schedule in words for people ("täglich um 07:00 Uhr"). Covers the shapes the product's jobs use (daily,
/// weekly, monthly at a fixed time); anything else is shown as the cron expression itself.
/// </summary>
internal static class ScheduleWording
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MON"] = DayOfWeek.Monday, ["TUE"] = DayOfWeek.Tuesday, ["WED"] = DayOfWeek.Wednesday, ["THU"] = DayOfWeek.Thursday,
        ["FRI"] = DayOfWeek.Friday, ["SAT"] = DayOfWeek.Saturday, ["SUN"] = DayOfWeek.Sunday,
    };

    public static string Describe(string cron, IStringLocalizer t)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 6 or > 7 || fields[0] != "0" || fields[4] != "*" || (fields.Length == 7 && fields[6] != "*")
            || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var hour))
        {
            return cron;
        }

        var time = $"{hour:00}:{minute:00}";
        return (fields[3], fields[5]) switch
        {
            ("*" or "?", "*" or "?") => t["täglich um {0} Uhr", time],
            (var day, "?") when int.TryParse(day, CultureInfo.InvariantCulture, out var dayOfMonth) => t["am {0}. jedes Monats um {1} Uhr", dayOfMonth, time],
            ("?", var weekday) when Weekdays.TryGetValue(weekday, out var dayOfWeek)
                => t["jeden {0} um {1} Uhr", CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(dayOfWeek), time],
            _ => cron,
        };
    }
}
