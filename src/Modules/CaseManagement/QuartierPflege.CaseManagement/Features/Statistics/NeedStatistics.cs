using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Contracts.Statistics;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Statistics;

internal static class NeedStatisticsRegistration
{
    /// <summary>
    /// The query contract, and the columns its one grouped query reads instead of the JSON: the problem's kind and the
    /// case's opening and closing day (registered beside the module's other document settings, on the same mappings).
    /// </summary>
    public static IServiceCollection AddNeedStatistics(this IServiceCollection services)
    {
        services.ConfigureMarten(o =>
        {
            o.Schema.For<ProblemSituation>().Duplicate(p => p.Kind);
            o.Schema.For<Case>().Duplicate(c => c.OpenedOn).Duplicate(c => c.ClosedOn!);
            o.Policies.ForAllDocuments(mapping =>
            {
                if (mapping.DocumentType == typeof(ProblemSituation))
                {
                    // The Lagebild reads (case, kind) pairs from this index alone.
                    mapping.AddIndex("case_id", "kind").Name = "mt_doc_problem_situation_idx_case_kind";
                }
            });
        });
        return services.AddScoped<INeedStatistics, NeedStatistics>();
    }
}

/// <summary>
/// Counts open cases per Quartier and problem kind over the last twelve months in one grouped query: per (Quartier, kind)
/// how many cases were opened and closed in which month (opened before the window counts as opened just before it), and
/// the month-end figures are accumulated from those (<see cref="NeedTrend"/>).
/// </summary>
internal sealed class NeedStatistics(IQuerySession session, IClock clock) : INeedStatistics
{
    internal const int MonthCount = 12;

    private const string Sql = $"""
        SELECT jsonb_build_object('Quartier', quartier, 'Kind', kind, 'OpenedMonth', opened, 'ClosedMonth', closed, 'Cases', count(*))
        FROM (
            SELECT c.quartier, k.kind,
                greatest((extract(year FROM c.opened_on) * 12 + extract(month FROM c.opened_on) - 1)::int, ?::int - 1) AS opened,
                CASE WHEN c.status = 'Closed' THEN (extract(year FROM c.closed_on) * 12 + extract(month FROM c.closed_on) - 1)::int END AS closed
            FROM {CaseManagementDocuments.Cases} c
            JOIN (SELECT DISTINCT case_id, kind FROM {CaseManagementDocuments.Schema}.mt_doc_problem_situation) k ON k.case_id = c.id
            WHERE c.status <> 'Closed' OR c.closed_on >= ?) AS pairs
        GROUP BY quartier, kind, opened, closed
        """;

    public async Task<NeedFigures> NeedsAsync(CancellationToken cancellationToken)
    {
        var months = NeedTrend.MonthsUpTo(clock.ThisMonth(), MonthCount);
        var first = months[0];
        var rows = await session.AdvancedSql.QueryAsync<NeedRow>(Sql, cancellationToken, NeedTrend.IndexOf(first), first.OnDayOfMonth(1));
        var concerns = await session.Query<Concern>().CountAsync(c => c.Status == ConcernStatus.Open, cancellationToken);
        return new NeedFigures(months, NeedTrend.Series(rows, months), concerns);
    }
}

/// <summary>Opened and closed cases of one Quartier and kind, by month index (year × 12 + month − 1); closed null: still open.</summary>
internal sealed record NeedRow(string Quartier, string Kind, int OpenedMonth, int? ClosedMonth, int Cases);

/// <summary>The month-end figures of the need, free of storage.</summary>
internal static class NeedTrend
{
    public static int IndexOf(YearMonth month) => (month.Year * 12) + month.Month - 1;

    public static IReadOnlyList<YearMonth> MonthsUpTo(YearMonth last, int count)
        => [.. Enumerable.Range(0, count).Select(i => last.PlusMonths(i - count + 1))];

    /// <summary>A case is open at the end of month m when it was opened in m or before and not closed in m or before.</summary>
    public static IReadOnlyList<NeedSeries> Series(IEnumerable<NeedRow> rows, IReadOnlyList<YearMonth> months)
        => [.. rows.GroupBy(r => (r.Quartier, r.Kind))
            .Select(g => new NeedSeries(g.Key.Quartier, g.Key.Kind,
                [.. months.Select(IndexOf).Select(m => g.Where(r => r.OpenedMonth <= m && (r.ClosedMonth is null || r.ClosedMonth > m)).Sum(r => r.Cases))]))
            .Where(s => s.OpenAtMonthEnd.Any(n => n > 0))
            .OrderBy(s => s.Quartier, StringComparer.Ordinal).ThenBy(s => s.ProblemKind, StringComparer.Ordinal)];
}
