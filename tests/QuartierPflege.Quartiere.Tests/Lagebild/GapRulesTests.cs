using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Quartiere.Features.Lagebild;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.Quartiere.Tests.Lagebild;

public sealed class GapRulesTests
{
    private static readonly IReadOnlyList<YearMonth> Months = [new(2026, 1), new(2026, 2), new(2026, 3)];

    private static LagebildData Build(int lonely, int visitingPartners, decimal? freeHours, int visitors = 6)
        => QuartierPictures.Build(
            new NeedFigures(Months, [new NeedSeries("Ost", ProblemKindKeys.Loneliness, [2, 4, lonely])], 0),
            [new OfferCell("Ost", ServiceCategories.Besuchsdienst, visitingPartners), new OfferCell("West", ServiceCategories.Besuchsdienst, 2)],
            [new NeighbourCell("Ost", "besuchsdienst", "Besuchsdienst", visitors, 10, freeHours)],
            ["Ost", "West"], new Dictionary<string, string> { ["besuchsdienst"] = "Besuchsdienst", ["alltagsbegleitung"] = "Alltagsbegleiter:in" });

    [Fact]
    public void Loneliness_without_free_visiting_hours_is_a_gap_even_with_one_visiting_service()
    {
        var gap = Assert.Single(Build(lonely: 9, visitingPartners: 1, freeHours: 0).Quartiere["Ost"].Gaps);

        Assert.True(gap.NoFreeHours);
        Assert.False(gap.NoPartner);
        Assert.Equal("Ost, Vereinsamung: 9 Personen mit offenem Fall, steigend (vor elf Monaten: < 5); nur ein Netzwerkpartner (Besuchsdienst) – fällt er aus, gibt es keinen; "
            + "keine freien Stunden bei Nachbar:innen in diesem Monat (Besuchsdienst, Alltagsbegleiter:in).", gap.Text);
    }

    [Fact]
    public void Need_with_a_partner_and_free_hours_is_no_gap_and_need_without_a_partner_is_one()
    {
        Assert.Empty(Build(lonely: 9, visitingPartners: 1, freeHours: 12).Quartiere["Ost"].Gaps);
        Assert.True(Assert.Single(Build(lonely: 9, visitingPartners: 0, freeHours: 12).Quartiere["Ost"].Gaps).NoPartner);
    }

    [Fact]
    public void The_Quartier_page_and_the_programme_page_show_the_same_suppressed_figures()
    {
        var lagebild = Build(lonely: 3, visitingPartners: 1, freeHours: 0, visitors: 4);

        var ost = lagebild.Quartiere["Ost"];
        Assert.Equal("< 5", ost.Needs.Single(n => n.ProblemKind == ProblemKindKeys.Loneliness).OpenNow.Text);
        Assert.Equal("< 5", lagebild.Programme.Needs.Single(n => n.ProblemKind == ProblemKindKeys.Loneliness).OpenNow.Text);
        var visiting = ost.Neighbours.Single(n => n.RoleProfileKey == "besuchsdienst");
        Assert.Equal("< 5", visiting.ActiveVolunteers.Text);
        Assert.Null(visiting.HoursLastMonth.Value);
    }
}
