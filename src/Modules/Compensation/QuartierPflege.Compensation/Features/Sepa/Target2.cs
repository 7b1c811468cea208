using NodaTime;

namespace QuartierPflege.Compensation.Features.Sepa;

/// <summary>
/// The TARGET2 calendar the SEPA banks settle on: closed on Saturdays and Sundays, New Year's Day, Good Friday, Easter
/// Monday, 1 May, Christmas Day and 26 December. German public holidays that TARGET2 keeps open (3 October, Ascension)
/// are business days here on purpose: the bank executes on them.
/// </summary>
internal static class Target2
{
    public static bool IsBusinessDay(LocalDate date)
    {
        if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            return false;
        }

        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (12, 25) or (12, 26))
        {
            return false;
        }

        var easter = EasterSunday(date.Year);
        return date != easter.PlusDays(-2) && date != easter.PlusDays(1);
    }

    /// <summary>The first business day on or after <paramref name="date"/>.</summary>
    public static LocalDate OnOrAfter(LocalDate date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    /// <summary>The first business day strictly after <paramref name="date"/>.</summary>
    public static LocalDate After(LocalDate date) => OnOrAfter(date.PlusDays(1));

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
