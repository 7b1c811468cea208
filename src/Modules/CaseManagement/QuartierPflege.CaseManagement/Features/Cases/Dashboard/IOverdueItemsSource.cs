using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>Something overdue on a case, as the dashboard lists it (a follow-up, a plan step, …).</summary>
internal sealed record OverdueItem(Guid CaseId, string CaseNumber, string ResidentName, string Kind, string Title, LocalDate DueOn, string Link);

/// <summary>The earliest items, and how many there are; counting stops at <see cref="GetDashboard.CountCap"/> (<paramref name="TotalCapped"/>).</summary>
internal sealed record OverdueItems(IReadOnlyList<OverdueItem> Items, int Total, bool TotalCapped);

/// <summary>
/// Extension point of the dashboard: every registered source contributes what is overdue on the cases of the scope
/// (already narrowed to what the person may see and to the filters). Follow-ups are one source; the Wege-Hilfe-Plan
/// registers another for its steps (<c>services.AddScoped&lt;IOverdueItemsSource, OverdueSteps&gt;()</c>).
/// </summary>
internal interface IOverdueItemsSource
{
    /// <summary>
    /// Items due before <paramref name="today"/> and not done: the earliest <paramref name="limit"/>, and how many there are
    /// up to <paramref name="countCap"/> (coordination's view spans every case; an exact count of thousands helps nobody).
    /// </summary>
    Task<OverdueItems> FindAsync(CaseScope scope, LocalDate today, int limit, int countCap, CancellationToken cancellationToken);
}

/// <summary>One overdue thing as a source selects it; the shared part counts, orders and shapes the rows.</summary>
internal sealed class OverdueRow
{
    public Guid CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public required string ResidentName { get; init; }

    public required string Title { get; init; }

    public LocalDate DueOn { get; init; }

    /// <summary>How many items there are in all (read with the rows for a resolved scope).</summary>
    public long Total { get; init; }
}

internal static class OverdueRows
{
    /// <summary>
    /// The earliest <paramref name="limit"/> rows and their count up to <paramref name="countCap"/>, by hand-written SQL
    /// (Marten LINQ cannot join an item to its case). <paramref name="table"/> is the items' table with
    /// <paramref name="alias"/> (which has a <c>case_id</c>), <paramref name="condition"/> their WHERE part with <c>?</c>
    /// placeholders for <paramref name="conditionParameters"/>; the scope's condition is added. A resolved scope is
    /// looked up by the items' case ids; otherwise the items are joined to their cases (<c>c</c>) and filtered there.
    /// </summary>
    public static async Task<OverdueItems> QueryAsync(
        IQuerySession session,
        CaseScope scope,
        string table,
        string alias,
        string condition,
        object[] conditionParameters,
        string title,
        string dueOn,
        string kind,
        string caseSection,
        int limit,
        int countCap,
        CancellationToken cancellationToken)
    {
        var join = $"JOIN {CaseManagementDocuments.Cases} c ON c.id = {alias}.case_id";
        IReadOnlyList<OverdueRow> rows;
        long total;
        if (scope.ResolvedCases is { } ids)
        {
            // A case manager's few hundred cases: their items first, probed by case id (materialised, so the planner does
            // not walk the programme's due dates instead), counted, and only the earliest (with ties on the date) joined to
            // their cases for the case number that orders within a day. One statement.
            rows = await session.AdvancedSql.QueryAsync<OverdueRow>($"""
                WITH items AS MATERIALIZED (
                    SELECT {alias}.case_id, {title} AS title, {dueOn} AS due_on FROM {table}
                    WHERE {condition} AND {alias}.case_id = ANY(?)),
                earliest AS (SELECT * FROM items ORDER BY due_on FETCH FIRST {limit} ROWS WITH TIES)
                SELECT jsonb_build_object('CaseId', c.id, 'CaseNumber', c.number, 'ResidentName', c.data ->> 'ResidentName',
                    'Title', e.title, 'DueOn', e.due_on, 'Total', (SELECT count(*) FROM items))
                FROM earliest e JOIN {CaseManagementDocuments.Cases} c ON c.id = e.case_id
                ORDER BY e.due_on, c.number
                LIMIT {limit}
                """, cancellationToken, [.. conditionParameters, ids.ToArray()]);
            total = rows.Count == 0 ? 0 : rows[0].Total;
        }
        else
        {
            // The programme: the earliest items of open cases in due order (the due-date index, each joined to its case
            // for the scope), up to one over the cap; counted and cut from the same scan, in one statement.
            rows = await session.AdvancedSql.QueryAsync<OverdueRow>($"""
                WITH matched AS (
                    SELECT {alias}.case_id, {title} AS title, {dueOn} AS due_on FROM {table} {join}
                    WHERE {condition} AND {scope.Sql("c")}
                    ORDER BY {dueOn}
                    LIMIT {countCap + 1}),
                earliest AS (SELECT * FROM matched ORDER BY due_on FETCH FIRST {limit} ROWS WITH TIES)
                SELECT jsonb_build_object('CaseId', c.id, 'CaseNumber', c.number, 'ResidentName', c.data ->> 'ResidentName',
                    'Title', e.title, 'DueOn', e.due_on, 'Total', (SELECT count(*) FROM matched))
                FROM earliest e JOIN {CaseManagementDocuments.Cases} c ON c.id = e.case_id
                ORDER BY e.due_on, c.number
                LIMIT {limit}
                """, cancellationToken, [.. conditionParameters, .. scope.Parameters]);
            total = rows.Count == 0 ? 0 : rows[0].Total;
        }

        return new OverdueItems(
            [.. rows.Select(r => new OverdueItem(r.CaseId, r.CaseNumber, r.ResidentName, kind, r.Title, r.DueOn,
                $"/CaseManagement/Faelle/{r.CaseId}/{caseSection}"))],
            (int)Math.Min(total, countCap),
            total > countCap);
    }
}

internal sealed class OverdueFollowUps(IQuerySession session) : IOverdueItemsSource
{
    public Task<OverdueItems> FindAsync(CaseScope scope, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
        => OverdueRows.QueryAsync(session, scope,
            $"{CaseManagementDocuments.FollowUps} f", "f", "f.done_at IS NULL AND f.due_on < ?", [today], "f.data ->> 'Title'", "f.due_on", "Wiedervorlage", "Wiedervorlagen", limit, countCap, cancellationToken);
}
