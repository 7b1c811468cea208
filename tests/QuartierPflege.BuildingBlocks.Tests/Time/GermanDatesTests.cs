using NodaTime;
using QuartierPflege.BuildingBlocks.Time;

namespace QuartierPflege.BuildingBlocks.Tests.Time;

public sealed class GermanDatesTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    [Theory]
    [InlineData(0, "heute")]
    [InlineData(1, "gestern")]
    [InlineData(2, "vor 2 Tagen")]
    [InlineData(400, "vor 400 Tagen")]
    [InlineData(-1, "morgen")]
    [InlineData(-5, "in 5 Tagen")]
    public void Near_days_are_said_in_words_never_vor_0_Tagen(int daysAgo, string expected)
        => Assert.Equal(expected, GermanDates.DaysAgo(Today.PlusDays(-daysAgo), Today));

    [Fact]
    public void A_date_next_to_today_carries_its_word_and_other_dates_stay_plain()
    {
        Assert.Equal("heute (02.03.2026)", GermanDates.ShowNear(Today, Today));
        Assert.Equal("gestern (01.03.2026)", GermanDates.ShowNear(Today.PlusDays(-1), Today));
        Assert.Equal("morgen (03.03.2026)", GermanDates.ShowNear(Today.PlusDays(1), Today));
        Assert.Equal("27.02.2026", GermanDates.ShowNear(Today.PlusDays(-3), Today));
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2.3.2026")]
    [InlineData("02.03.2026")]
    public void A_typed_date_is_read_in_iso_or_german_form(string typed)
    {
        Assert.True(GermanDates.TryParseInput(typed, out var date));
        Assert.Equal(Today, date);
    }

    [Fact]
    public void A_date_input_gets_the_iso_value_the_browser_expects()
    {
        Assert.Equal("2026-03-02", GermanDates.InputValue(Today));
        Assert.True(GermanDates.TryParseInput(GermanDates.InputValue(Today), out var back));
        Assert.Equal(Today, back);
    }

    [Fact]
    public void A_missing_day_is_shown_as_a_dash()
    {
        Assert.Equal("–", GermanDates.Show((LocalDate?)null));
        Assert.Equal("02.03.2026", GermanDates.Show((LocalDate?)Today));
    }
}
