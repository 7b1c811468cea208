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
/// Counts open cases per Quartier and problem kind at each of the last twelve month ends in one grouped query: one row per
/// (Quartier, kind) with twelve filtered counts (<see cref="NeedTrend.OpenAtEndOf"/> in SQL), so the database groups into
/// a few thousand rows in memory instead of sorting every (opened, closed) month pair. Each case's "open until" (never
/// while not closed) is worked out once in the subquery (<c>OFFSET 0</c> keeps it from being inlined into every count),
/// not twelve times.
/// </summary>
internal sealed class NeedStatistics(IQuerySession session, IClock clock) : INeedStatistics
{
    internal const int MonthCount = 12;

    internal static readonly string Sql = $"""
        SELECT jsonb_build_object('Quartier', c.quartier, 'ProblemKind', k.kind, 'OpenAtMonthEnd', jsonb_build_array({string.Join(", ", Enumerable.Repeat("count(*) FILTER (WHERE c.opened_on <= ?::date AND c.open_until > ?::date)", MonthCount))}))
        FROM (SELECT id, quartier, opened_on, CASE WHEN status <> 'Closed' THEN 'infinity'::date ELSE closed_on END AS open_until
              FROM {CaseManagementDocuments.Cases} WHERE status <> 'Closed' OR closed_on >= ?::date OFFSET 0) c
        JOIN (SELECT DISTINCT case_id, kind FROM {CaseManagementDocuments.Schema}.mt_doc_problem_situation) k ON k.case_id = c.id
        GROUP BY c.quartier, k.kind
        """;

    public async Task<NeedFigures> NeedsAsync(CancellationToken cancellationToken)
    {
        var months = NeedTrend.MonthsUpTo(clock.ThisMonth(), MonthCount);
        var parameters = months.SelectMany(m => new object[] { NeedTrend.LastDayOf(m), NeedTrend.LastDayOf(m) })
            .Append(months[0].OnDayOfMonth(1)).ToArray();
        var rows = await session.AdvancedSql.QueryAsync<NeedSeries>(Sql, cancellationToken, parameters);
        var series = rows.Where(s => s.OpenAtMonthEnd.Any(n => n > 0))
            .OrderBy(s => s.Quartier, StringComparer.Ordinal).ThenBy(s => s.ProblemKind, StringComparer.Ordinal).ToList();
        var concerns = await session.Query<Concern>().CountAsync(c => c.Status == ConcernStatus.Open, cancellationToken);
        return new NeedFigures(months, series, concerns);
    }
}

/// <summary>The months of the trend and the rule for "open at a month end", free of storage.</summary>
internal static class NeedTrend
{
    public static IReadOnlyList<YearMonth> MonthsUpTo(YearMonth last, int count)
        => [.. Enumerable.Range(0, count).Select(i => last.PlusMonths(i - count + 1))];

    public static LocalDate LastDayOf(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    /// <summary>A case is open at the end of a month when it was opened on or before its last day and not closed by then.</summary>
    public static bool OpenAtEndOf(YearMonth month, LocalDate openedOn, LocalDate? closedOn)
        => openedOn <= LastDayOf(month) && (closedOn is null || closedOn > LastDayOf(month));
}
