using QuartierPflege.CaseManagement.Features.Residents.Residents;

namespace QuartierPflege.CaseManagement.Tests.Residents;

public sealed class ResidentSearchWordTests
{
    [Fact]
    public void A_word_of_three_letters_or_more_matches_a_part_or_a_near_spelling()
    {
        var (sql, parameters) = ResidentSearch.WordCondition("d.search_name", "schmi");

        Assert.Equal("(d.search_name LIKE ? OR ? <% d.search_name)", sql);
        Assert.Equal(["%schmi%", "schmi"], parameters);
    }

    [Fact]
    public void A_shorter_word_matches_a_part_of_the_name_only()
    {
        var (sql, parameters) = ResidentSearch.WordCondition("d.search_name", "er");

        Assert.Equal("d.search_name LIKE ?", sql);
        Assert.Equal(["%er%"], parameters);
    }

    [Fact]
    public void Wildcards_typed_by_the_user_are_taken_literally()
    {
        var (_, parameters) = ResidentSearch.WordCondition("d.search_name", "50%_");

        Assert.Equal(@"%50\%\_%", parameters[0]);
    }
}
