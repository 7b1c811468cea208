using QuartierPflege.CaseManagement.Domain.Planning;

namespace QuartierPflege.CaseManagement.Tests.Planning;

public sealed class HomeVisitTemplateTests
{
    private static readonly HomeVisitTemplate Template = HomeVisitTemplates.Hausbesuch2026V1;

    [Fact]
    public void The_2026_checklist_covers_every_domain_of_the_home_visit_with_unique_question_keys()
    {
        Assert.Equal("hausbesuch-2026-1", Template.Id);
        Assert.Equal(
            ["gesundheit", "mobilitaet", "stuerze", "ernaehrung", "medikamente", "kognition", "stimmung", "soziale-kontakte", "wohnsicherheit", "hilfsmittel", "leistungen"],
            Template.Domains.Select(d => d.Key));
        var keys = Template.Domains.SelectMany(d => d.Questions).Select(q => q.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(Template.Domains.SelectMany(d => d.Questions).Where(q => q.Type == AnswerType.YesNo), q => Assert.NotNull(q.RiskAnswer));
    }

    [Fact]
    public void A_domain_scores_the_risky_yes_no_answers_and_the_scale_values()
    {
        var mobility = Template.FindDomain("mobilitaet")!;
        var answers = new Dictionary<string, string>
        {
            ["mobilitaet-wohnung"] = "2",
            ["mobilitaet-treppe"] = "no",
            ["mobilitaet-draussen"] = "yes",
        };

        Assert.Equal(4, mobility.Score(answers));
        Assert.True(mobility.IsFinding(answers, []));
    }

    [Fact]
    public void A_domain_below_its_threshold_is_a_finding_only_when_flagged()
    {
        var falls = Template.FindDomain("stuerze")!;
        var answers = new Dictionary<string, string> { ["stuerze-angst"] = "yes" };

        Assert.Equal(1, falls.Score(answers));
        Assert.False(falls.IsFinding(answers, []));
        Assert.True(falls.IsFinding(answers, ["stuerze"]));
    }

    [Theory]
    [InlineData("mobilitaet-treppe", "yes", true)]
    [InlineData("mobilitaet-treppe", "vielleicht", false)]
    [InlineData("mobilitaet-wohnung", "3", true)]
    [InlineData("mobilitaet-wohnung", "4", false)]
    [InlineData("soziale-kontakte-bezugsperson", "die Nichte", true)]
    public void Answers_must_fit_the_question_type(string question, string answer, bool valid)
        => Assert.Equal(valid, HomeVisitAnswers.IsValid(Template.FindQuestion(question)!, answer));

    [Theory]
    [InlineData("Sent", "Accepted", true)]
    [InlineData("Accepted", "CompletedSuccessfully", true)]
    [InlineData("Sent", "CompletedUnsuccessfully", true)]
    [InlineData("CompletedSuccessfully", "Accepted", false)]
    [InlineData("Accepted", "Accepted", false)]
    [InlineData("Withdrawn", "CompletedSuccessfully", false)]
    public void A_referral_only_moves_forward(string from, string to, bool moves)
        => Assert.Equal(moves, ReferralLifecycle.CanMove(Enum.Parse<ReferralStatus>(from), Enum.Parse<ReferralStatus>(to)));
}
