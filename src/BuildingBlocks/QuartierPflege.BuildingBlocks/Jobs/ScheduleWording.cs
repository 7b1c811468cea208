using System.Globalization;
using Microsoft.Extensions.Localization;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// A cron schedule (Hangfire's 5 fields, Berlin time) in words for people: "täglich um 07:00", "sonntags um 04:00",
/// "am 1. jedes Monats um 02:00", "alle 5 Minuten". People never see the cron text; a shape not covered here is called
/// a custom schedule, whose details the Hangfire dashboard shows. The UI is German only; the wording goes through the
/// localizer the shell passes in, whose keys are the German texts.
/// </summary>
public static class ScheduleWording
{
    private static readonly string[] WeekdayWords = ["sonntags", "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags"];

    private static readonly string[] MonthWords =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    private static readonly string[] WeekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static string Describe(string cron, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return TryDescribe(cron, t) ?? W(t, "nach einem eigenen Zeitplan (Einzelheiten im Dashboard)");
    }

    private static string? TryDescribe(string? cron, IStringLocalizer t)
    {
        var fields = cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length != 5)
        {
            return null;
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (dayOfWeek == "?")
        {
            dayOfWeek = "*";
        }

        if (dayOfMonth == "?")
        {
            dayOfMonth = "*";
        }

        var everyDay = dayOfMonth == "*" && month == "*" && dayOfWeek == "*";
        if (everyDay && hour == "*")
        {
            return minute switch
            {
                "*" or "*/1" => W(t, "jede Minute"),
                _ when Step(minute, 59) is { } step => W(t, "alle {0} Minuten", step),
                "0" => W(t, "stündlich zur vollen Stunde"),
                _ when Number(minute, 0, 59) is { } at => W(t, "stündlich zur Minute {0}", at),
                _ => null,
            };
        }

        if (Number(minute, 0, 59) is not { } minuteOfHour)
        {
            return null;
        }

        if (everyDay && Step(hour, 23) is { } hours)
        {
            return minuteOfHour == 0 ? W(t, "alle {0} Stunden zur vollen Stunde", hours) : W(t, "alle {0} Stunden, jeweils zur Minute {1}", hours, minuteOfHour);
        }

        if (Times(hour, minuteOfHour, t) is not { } times)
        {
            return null;
        }

        if (everyDay)
        {
            return W(t, "täglich um {0}", times);
        }

        if (dayOfMonth == "*" && month == "*" && Weekdays(dayOfWeek, t) is { } weekdays)
        {
            return W(t, "{0} um {1}", weekdays, times);
        }

        if (dayOfWeek != "*")
        {
            return null;
        }

        if (month == "*")
        {
            return dayOfMonth == "L"
                ? W(t, "am letzten Tag jedes Monats um {0}", times)
                : Number(dayOfMonth, 1, 31) is { } day ? W(t, "am {0}. jedes Monats um {1}", day, times) : null;
        }

        return Number(dayOfMonth, 1, 31) is { } dayOfYear && Number(month, 1, 12) is { } monthOfYear
            ? W(t, "jährlich am {0}. {1} um {2}", dayOfYear, W(t, MonthWords[monthOfYear - 1]), times)
            : null;
    }

    /// <summary>"07:00", "07:00 und 19:00", "07:00, 12:00 und 19:00".</summary>
    private static string? Times(string hourField, int minute, IStringLocalizer t)
    {
        var hours = hourField.Split(',').Select(h => Number(h, 0, 23)).ToList();
        return hours.Count == 0 || hours.Any(h => h is null)
            ? null
            : Enumeration([.. hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h:00}:{minute:00}"))], t);
    }

    /// <summary>"sonntags", "montags bis freitags", "montags, mittwochs und freitags".</summary>
    private static string? Weekdays(string field, IStringLocalizer t)
    {
        var range = field.Split('-');
        if (range.Length == 2)
        {
            return Weekday(range[0]) is { } from && Weekday(range[1]) is { } to && from < to
                ? W(t, "{0} bis {1}", W(t, WeekdayWords[from]), W(t, WeekdayWords[to % 7]))
                : null;
        }

        var days = field.Split(',').Select(Weekday).ToList();
        return days.Any(d => d is null) ? null : Enumeration([.. days.Select(d => W(t, WeekdayWords[d!.Value % 7]))], t);
    }

    /// <summary>0–7 (0 and 7 are Sunday) or MON…SUN.</summary>
    private static int? Weekday(string token)
    {
        var named = Array.FindIndex(WeekdayNames, n => string.Equals(n, token, StringComparison.OrdinalIgnoreCase));
        return named >= 0 ? named : Number(token, 0, 7);
    }

    private static string Enumeration(IReadOnlyList<string> items, IStringLocalizer t)
        => items.Count == 1 ? items[0] : W(t, "{0} und {1}", string.Join(", ", items.Take(items.Count - 1)), items[^1]);

    private static string W(IStringLocalizer t, string german, params object[] arguments) => t[german, arguments].Value;

    private static int? Step(string field, int max)
        => field.StartsWith("*/", StringComparison.Ordinal) && Number(field[2..], 2, max) is { } step ? step : null;

    private static int? Number(string field, int min, int max)
        => field.All(char.IsAsciiDigit) && int.TryParse(field, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;
}
