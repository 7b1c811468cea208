using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>One of a case manager's cases, as much as the dashboard needs to count, sort and page them.</summary>
internal sealed class VisibleCaseRow
{
    public Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Quartier { get; init; }

    public LocalDate LastContactOn { get; init; }
}

/// <summary>
/// A case manager's part of the dashboard starts from the cases they are responsible for or deputise (hundreds, not the
/// programme's tens of thousands): read once from the covering indexes on case manager and deputy (no table access), then
/// counted, sorted and paged here, and handed to the overdue sources as ids. Coordination's view has no such set.
/// </summary>
internal static class VisibleCaseRows
{
    private const string Columns = "id, number, quartier, last_contact_on";

    /// <summary>The person's cases within the scope's status, Quartier and case filters.</summary>
    public static async Task<IReadOnlyList<VisibleCaseRow>> ReadAsync(IQuerySession session, Guid person, CaseScope scope, CancellationToken cancellationToken)
    {
        var withinScope = scope with { VisibleTo = null };
        var condition = withinScope.Sql("c");
        object[] parameters = [person, .. withinScope.Parameters, person, .. withinScope.Parameters];
        return await session.AdvancedSql.QueryAsync<VisibleCaseRow>($"""
            SELECT jsonb_build_object('Id', v.id, 'Number', v.number, 'Quartier', v.quartier, 'LastContactOn', v.last_contact_on)
            FROM (SELECT {Columns} FROM {CaseManagementDocuments.Cases} c WHERE c.case_manager_id = ? AND {condition}
                  UNION
                  SELECT {Columns} FROM {CaseManagementDocuments.Cases} c WHERE c.deputy_id = ? AND {condition}) AS v
            """, cancellationToken, parameters);
    }

    /// <summary>Those of <paramref name="ids"/> whose resident's name matches every word of the search.</summary>
    public static async Task<IReadOnlySet<Guid>> SearchedAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { "c.id = ANY(?)" };
        var parameters = new List<object> { ids.ToArray() };
        foreach (var word in words)
        {
            var (sql, wordParameters) = ResidentSearch.WordCondition("c.resident_search_name", word);
            conditions.Add(sql);
            parameters.AddRange(wordParameters);
        }

        var found = await session.AdvancedSql.QueryAsync<Guid>(
            $"SELECT c.id FROM {CaseManagementDocuments.Cases} c WHERE {string.Join(" AND ", conditions)}", cancellationToken, [.. parameters]);
        return found.ToHashSet();
    }

    /// <summary>The Quartiere of the person's open cases, for the filter.</summary>
    public static async Task<List<string>> QuartiereAsync(IQuerySession session, Guid person, CancellationToken cancellationToken)
        => [.. (await session.AdvancedSql.QueryAsync<string>($"""
            SELECT quartier FROM {CaseManagementDocuments.Cases} WHERE case_manager_id = ? AND status <> 'Closed'
            UNION
            SELECT quartier FROM {CaseManagementDocuments.Cases} WHERE deputy_id = ? AND status <> 'Closed'
            """, cancellationToken, person, person)).Order(StringComparer.Ordinal)];
}
