using System.Globalization;
using System.Text;
using Marten;
using NodaTime;
using Npgsql;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>One of a case manager's cases, as much as the dashboard needs to count, sort and page them.</summary>
internal sealed record VisibleCaseRow(Guid Id, string Number, LocalDate LastContactOn);

/// <summary>
/// A case manager's part of the dashboard starts from the cases they are responsible for or deputise (hundreds, not the
/// programme's tens of thousands): read once from the covering indexes on case manager and deputy (no table access), then
/// counted, sorted and paged here, and handed to the overdue sources as ids. Coordination's view has no such set.
/// </summary>
internal static class VisibleCaseRows
{
    /// <summary>
    /// The person's cases within the scope's status, Quartier and case filters. Read as plain columns through Npgsql:
    /// building a JSON object per row for Marten's SQL reader cost ten times the index scan itself.
    /// </summary>
    public static async Task<IReadOnlyList<VisibleCaseRow>> ReadAsync(NpgsqlDataSource dataSource, Guid person, CaseScope scope, CancellationToken cancellationToken)
    {
        var withinScope = scope with { VisibleTo = null };
        var condition = withinScope.Sql("c");
        object[] parameters = [person, .. withinScope.Parameters, person, .. withinScope.Parameters];
        return await ReadRowsAsync(dataSource, $"""
            SELECT c.id, c.number, c.last_contact_on FROM {CaseManagementDocuments.Cases} c WHERE c.case_manager_id = ? AND {condition}
            UNION ALL
            SELECT c.id, c.number, c.last_contact_on FROM {CaseManagementDocuments.Cases} c WHERE c.deputy_id = ? AND {condition}
            """, parameters, cancellationToken);
    }

    /// <summary>
    /// Coordination's cases within the scope whose resident's name matches every word, up to <paramref name="limit"/>,
    /// with their sort keys (plain columns, as above).
    /// </summary>
    public static async Task<IReadOnlyList<VisibleCaseRow>> ProgrammeKeysAsync(
        NpgsqlDataSource dataSource, CaseScope scope, IReadOnlyList<string> words, int limit, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { scope.Sql("c") };
        var parameters = new List<object>(scope.Parameters);
        foreach (var word in words)
        {
            var (sql, wordParameters) = ResidentSearch.WordCondition("c.resident_search_name", word);
            conditions.Add(sql);
            parameters.AddRange(wordParameters);
        }

        return await ReadRowsAsync(dataSource,
            $"SELECT c.id, c.number, c.last_contact_on FROM {CaseManagementDocuments.Cases} c WHERE {string.Join(" AND ", conditions)} LIMIT {limit}",
            parameters, cancellationToken);
    }

    private static async Task<IReadOnlyList<VisibleCaseRow>> ReadRowsAsync(
        NpgsqlDataSource dataSource, string sql, IEnumerable<object> parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Positional(sql));
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var rows = new Dictionary<Guid, VisibleCaseRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            rows.TryAdd(id, new VisibleCaseRow(id, reader.GetString(1), reader.GetFieldValue<LocalDate>(2)));
        }

        return [.. rows.Values];
    }

    /// <summary>Marten's <c>?</c> placeholders (as <see cref="CaseScope.Sql"/> writes them) as Npgsql's <c>$1, $2, …</c>.</summary>
    private static string Positional(string sql)
    {
        var builder = new StringBuilder(sql.Length + 16);
        var next = 1;
        foreach (var character in sql)
        {
            if (character == '?')
            {
                builder.Append('$').Append(next++.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>Those of <paramref name="ids"/> whose resident's name matches every word of the search.</summary>
    public static async Task<IReadOnlySet<Guid>> SearchedAsync(
        IQuerySession session, IReadOnlyCollection<Guid> ids, IReadOnlyList<string> words, CancellationToken cancellationToken)
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
