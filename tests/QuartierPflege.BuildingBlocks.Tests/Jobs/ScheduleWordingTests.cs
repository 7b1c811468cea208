using System.Globalization;
using Microsoft.Extensions.Localization;
using QuartierPflege.BuildingBlocks.Jobs;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

public sealed class ScheduleWordingTests
{
    [Theory]
    [InlineData("0 7 * * *", "täglich um 07:00")]
    [InlineData("30 3 * * *", "täglich um 03:30")]
    [InlineData("0 7,19 * * *", "täglich um 07:00 und 19:00")]
    [InlineData("0 2 1 * *", "am 1. jedes Monats um 02:00")]
    [InlineData("0 4 * * 0", "sonntags um 04:00")]
    [InlineData("0 4 * * 7", "sonntags um 04:00")]
    [InlineData("0 4 * * SUN", "sonntags um 04:00")]
    [InlineData("15 4 * * sun", "sonntags um 04:15")]
    [InlineData("15 6 * * 1-5", "montags bis freitags um 06:15")]
    [InlineData("0 8 * * 1,3,5", "montags, mittwochs und freitags um 08:00")]
    [InlineData("*/5 * * * *", "alle 5 Minuten")]
    [InlineData("* * * * *", "jede Minute")]
    [InlineData("0 * * * *", "stündlich zur vollen Stunde")]
    [InlineData("20 * * * *", "stündlich zur Minute 20")]
    [InlineData("0 */2 * * *", "alle 2 Stunden zur vollen Stunde")]
    [InlineData("0 23 L * *", "am letzten Tag jedes Monats um 23:00")]
    [InlineData("0 3 29 2 *", "jährlich am 29. Februar um 03:00")]
    public void A_cron_schedule_is_said_in_German_words(string cron, string words)
    {
        Assert.Equal(words, ScheduleWording.Describe(cron, new GermanWording()));
    }

    [Theory]
    [InlineData("0 7 1-7 * 1")]
    [InlineData("0 9-17 * * *")]
    [InlineData("0 7 * JAN-MAR *")]
    [InlineData("kein Zeitplan")]
    public void A_schedule_without_words_is_called_a_custom_schedule_never_shown_as_cron_text(string cron)
    {
        var words = ScheduleWording.Describe(cron, new GermanWording());

        Assert.Equal("nach einem eigenen Zeitplan (Einzelheiten im Dashboard)", words);
    }

    /// <summary>The German wording is the resource key; without a translation the localizer gives it back formatted.</summary>
    private sealed class GermanWording : IStringLocalizer
    {
        private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(German, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
