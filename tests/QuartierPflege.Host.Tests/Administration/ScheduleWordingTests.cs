using System.Globalization;
using Microsoft.Extensions.Localization;
using QuartierPflege.Host.Administration;

namespace QuartierPflege.Host.Tests.Administration;

public sealed class ScheduleWordingTests
{
    [Theory]
    [InlineData("0 30 3 * * ?", "täglich um 03:30 Uhr")]
    [InlineData("0 0 7 ? * *", "täglich um 07:00 Uhr")]
    [InlineData("0 0 2 1 * ?", "am 1. jedes Monats um 02:00 Uhr")]
    [InlineData("0 15 4 ? * SUN", "jeden Sonntag um 04:15 Uhr")]
    [InlineData("0 0/5 * * * ?", "0 0/5 * * * ?")]
    [InlineData("0 0 7 1 1 ? 2099", "0 0 7 1 1 ? 2099")]
    public void Common_schedules_are_said_in_words_and_others_shown_as_cron(string cron, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal(expected, ScheduleWording.Describe(cron, new GermanKeys()));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The shell's localiser in German: the keys are the German texts.</summary>
    private sealed class GermanKeys : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments]
            => new(name, string.Format(CultureInfo.GetCultureInfo("de-DE"), name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
