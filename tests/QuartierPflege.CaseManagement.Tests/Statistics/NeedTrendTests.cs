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
        Assert.Equal([new YearMonth(2026, 1), new YearMonth(2026, 2), new YearMonth(2026, 3)], Months);
        var opened = new LocalDate(2026, 1, 31);
        var closed = new LocalDate(2026, 3, 1);

        Assert.Equal([true, true, false], Months.Select(m => NeedTrend.OpenAtEndOf(m, opened, closed)));
        Assert.Equal([false, true, true], Months.Select(m => NeedTrend.OpenAtEndOf(m, new LocalDate(2026, 2, 28), null)));
        Assert.Equal(new LocalDate(2026, 2, 28), NeedTrend.LastDayOf(new YearMonth(2026, 2)));
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
