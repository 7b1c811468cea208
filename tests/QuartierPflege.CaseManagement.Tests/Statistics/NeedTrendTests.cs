using NodaTime;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Statistics;

namespace QuartierPflege.CaseManagement.Tests.Statistics;

public sealed class NeedTrendTests
{
    private static readonly IReadOnlyList<YearMonth> Months = NeedTrend.MonthsUpTo(new YearMonth(2026, 3), 3);

    [Fact]
    public void A_case_counts_from_the_month_it_was_opened_until_the_month_before_it_was_closed()
    {
        var jan = NeedTrend.IndexOf(new YearMonth(2026, 1));
        var rows = new[]
        {
            new NeedRow("Ost", ProblemKindKeys.Loneliness, jan - 1, null, 2), // opened before the window, still open
            new NeedRow("Ost", ProblemKindKeys.Loneliness, jan + 1, null, 3), // opened in February
            new NeedRow("Ost", ProblemKindKeys.Loneliness, jan, jan + 2, 1), // opened in January, closed in March
        };

        var series = Assert.Single(NeedTrend.Series(rows, Months));

        Assert.Equal([new YearMonth(2026, 1), new YearMonth(2026, 2), new YearMonth(2026, 3)], Months);
        Assert.Equal([3, 6, 5], series.OpenAtMonthEnd);
        Assert.Equal(5, series.OpenNow);
    }

    [Fact]
    public void Every_problem_kind_has_its_key_and_German_name_in_the_contract()
    {
        foreach (var kind in Enum.GetValues<ProblemKind>())
        {
            Assert.Equal(PlanningNames.Of(kind), ProblemKindKeys.NameOf(kind.ToString()));
        }

        Assert.Equal(Enum.GetValues<ProblemKind>().Length, ProblemKindKeys.Names.Count);
    }
}
