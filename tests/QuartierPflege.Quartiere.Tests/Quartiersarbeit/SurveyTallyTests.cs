using NodaTime;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Tests.Quartiersarbeit;

/// <summary>Counting a survey's answers, without a database.</summary>
public sealed class SurveyTallyTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    private static readonly Survey Survey = new()
    {
        Title = "T",
        Quartier = "Hartha",
        ClosesOn = Today,
        Questions =
        [
            new(Guid.NewGuid(), QuestionKind.MultipleChoice, "Was fehlt?", ["Bänke", "Busse"]),
            new(Guid.NewGuid(), QuestionKind.Scale, "Wie sehr?", [], 0, 2),
            new(Guid.NewGuid(), QuestionKind.FreeText, "Wunsch?", []),
        ],
    };

    [Fact]
    public void Free_texts_in_the_same_words_are_one_group_and_the_most_frequent_comes_first()
    {
        var result = SurveyTally.Tally(Survey, [Text("Mehr Bänke."), Text("Ein Bus"), Text(" mehr   bänke"), Text("ein bus"), Text("Mehr Bänke!")], Today);

        Assert.Equal([new TextGroup("Mehr Bänke.", 3), new TextGroup("Ein Bus", 2)], result.Questions[2].Texts);
    }

    [Fact]
    public void A_scale_counts_every_value_between_its_bounds_and_its_mean_has_one_decimal()
    {
        var result = SurveyTally.Tally(Survey, [Scale(0), Scale(2), Scale(2)], Today);

        Assert.Equal([new ScaleCount(0, 1), new ScaleCount(1, 0), new ScaleCount(2, 2)], result.Questions[1].Scale);
        Assert.Equal(1.3m, result.Questions[1].Mean);
        Assert.Null(SurveyTally.Tally(Survey, [], Today).Questions[1].Mean);
    }

    [Fact]
    public void A_multiple_choice_counts_each_option_and_a_survey_is_open_through_its_last_day()
    {
        var answer = new SurveyAnswer { Answers = [new(Survey.Questions[0].Id, [0, 1], null, null)], ContactLeft = true };
        var result = SurveyTally.Tally(Survey, [answer, Choices(0)], Today);

        Assert.Equal([new OptionCount("Bänke", 2), new OptionCount("Busse", 1)], result.Questions[0].Options);
        Assert.Equal((2, 1, true), (result.Answers, result.ContactsLeft, result.Open));
        Assert.False(SurveyTally.Tally(Survey, [], Today.PlusDays(1)).Open);
    }

    private static SurveyAnswer Text(string text) => new() { Answers = [new(Survey.Questions[2].Id, [], null, text)] };

    private static SurveyAnswer Scale(int value) => new() { Answers = [new(Survey.Questions[1].Id, [], value, null)] };

    private static SurveyAnswer Choices(params int[] choices) => new() { Answers = [new(Survey.Questions[0].Id, choices, null, null)] };
}
