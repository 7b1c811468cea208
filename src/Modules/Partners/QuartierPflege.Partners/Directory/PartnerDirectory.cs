using System.Text.Json;
using Marten;
using Npgsql;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

/// <summary>One page of a directory search and how many partners match, counted up to <see cref="PartnerDirectory.CountLimit"/>.</summary>
internal sealed record PartnerSearchPage(IReadOnlyList<PartnerListing> Items, int Page, int PageSize, int TotalCount)
{
    public bool CountCapped => TotalCount > PartnerDirectory.CountLimit;

    public int PageCount => Math.Max(1, (Math.Min(TotalCount, PartnerDirectory.CountLimit) + PageSize - 1) / PageSize);
}

/// <summary>The read-only face of the partner directory that other modules use (referrals pick partners here).</summary>
internal sealed class PartnerDirectory(IQuerySession session, NpgsqlDataSource dataSource) : IPartnerDirectory
{
    /// <summary>Matches are counted up to this many ("mehr als 500"), so a broad search never counts the whole table.</summary>
    public const int CountLimit = 500;

    /// <summary>The longest search text accepted (refused, never cut, beyond it).</summary>
    public const int TextLimit = 200;

    /// <summary>The German message for a search text that is too long, or null.</summary>
    public static string? TextProblem(string? text)
        => text is { Length: > TextLimit } ? $"Der Suchbegriff darf höchstens {TextLimit} Zeichen lang sein." : null;

    public Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken)
        => SearchAsync(new PartnerSearch(ServiceCategory: serviceCategory, Quartier: quartier, Limit: 1000), cancellationToken);

    public async Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken)
        => (await session.LoadAsync<Partner>(partnerId, cancellationToken))?.ToListing();

    public async Task<IReadOnlyList<PartnerListing>> SearchAsync(PartnerSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var command = Command(search, Math.Clamp(search.Limit, 1, 1000), 0);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One page of a search with the (capped) number of matches, in one round trip.</summary>
    public async Task<PartnerSearchPage> PageAsync(PartnerSearch search, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var (where, parameters) = Conditions(search);
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"SELECT count(*)::int FROM (SELECT 1 FROM {PartnerDocuments.Partners} d WHERE {where} LIMIT {CountLimit + 1}) m");
        count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        batch.BatchCommands.Add(count);
        var rows = new NpgsqlBatchCommand(RowsSql(where, pageSize, (page - 1) * pageSize));
        rows.Parameters.AddRange(parameters.ToArray());
        batch.BatchCommands.Add(rows);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<PartnerListing>(pageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Row(reader));
        }

        return new PartnerSearchPage(items, page, pageSize, total);
    }

    /// <summary>
    /// The SQL of a search: the criteria against the GIN index of the document (containment of the category,
    /// Quartier and language lists) and the German full-text index, reading only what a result row shows as plain
    /// columns (a whole document per row cost more than the index scans). The benchmark explains it.
    /// </summary>
    internal NpgsqlCommand Command(PartnerSearch search, int limit, int offset)
    {
        var (where, parameters) = Conditions(search);
        var command = dataSource.CreateCommand(RowsSql(where, limit, offset));
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }

    private static async Task<IReadOnlyList<PartnerListing>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var found = new List<PartnerListing>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(Row(reader));
        }

        return found;
    }

    // Accepting partners first (the enum's order is the order of usefulness; the column holds its name), then by name.
    // The page is chosen on the sort keys alone and only its rows are projected: the lists and the referral contact
    // computed for every match before the sort cost 60 ms on the benchmark's unfiltered search.
    private static string RowsSql(string where, int limit, int offset) => $"""
        WITH chosen AS (
            SELECT d.id, CASE d.capacity WHEN 'Accepting' THEN 0 WHEN 'WaitingList' THEN 1 ELSE 2 END AS rank, d.data ->> 'Name' AS name
            FROM {PartnerDocuments.Partners} d
            WHERE {where}
            ORDER BY 2, 3
            LIMIT {limit} OFFSET {offset})
        SELECT d.id, chosen.name,
               ARRAY(SELECT jsonb_array_elements_text(d.data -> 'ServiceCategories')),
               ARRAY(SELECT jsonb_array_elements_text(d.data -> 'Quartiere')),
               d.status, d.data ->> 'Phone', d.data ->> 'Email',
               ARRAY(SELECT jsonb_array_elements_text(d.data -> 'Languages')),
               d.capacity, r.contact ->> 'Name', r.contact ->> 'Email'
        FROM chosen
        JOIN {PartnerDocuments.Partners} d ON d.id = chosen.id
        LEFT JOIN LATERAL (
            SELECT c.contact FROM jsonb_array_elements(d.data -> 'ContactPersons') WITH ORDINALITY AS c(contact, n)
            WHERE jsonb_typeof(c.contact -> 'Email') = 'string'
            ORDER BY (c.contact ->> 'ForReferrals')::boolean DESC, c.n LIMIT 1) r ON true
        ORDER BY chosen.rank, chosen.name
        """;

    private static PartnerListing Row(NpgsqlDataReader reader)
    {
        var email = reader.IsDBNull(6) ? null : reader.GetString(6);
        return new PartnerListing(
            reader.GetGuid(0),
            reader.GetString(1),
            reader.GetFieldValue<string[]>(2),
            reader.GetFieldValue<string[]>(3),
            Enum.Parse<PartnerStatus>(reader.GetString(4)),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            email,
            reader.GetFieldValue<string[]>(7),
            Enum.Parse<PartnerCapacity>(reader.GetString(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? email : reader.GetString(10));
    }

    private static (string Where, List<NpgsqlParameter> Parameters) Conditions(PartnerSearch search)
    {
        var conditions = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        string Next(object value, NpgsqlTypes.NpgsqlDbType? type = null)
        {
            var parameter = new NpgsqlParameter { Value = value };
            if (type is { } t)
            {
                parameter.NpgsqlDbType = t;
            }

            parameters.Add(parameter);
            return "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        void Contains(string list, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                // Containment (@>) is what the document's GIN index (jsonb_path_ops) serves.
                var json = JsonSerializer.Serialize(new Dictionary<string, string[]> { [list] = [value.Trim()] });
                conditions.Add($"d.data @> {Next(json, NpgsqlTypes.NpgsqlDbType.Jsonb)}");
            }
        }

        if (!search.IncludeUnavailable)
        {
            conditions.Add($"d.status = {Next(nameof(PartnerStatus.Active))}");
        }

        Contains(nameof(Partner.ServiceCategories), search.ServiceCategory);
        Contains(nameof(Partner.Quartiere), search.Quartier);
        Contains(nameof(Partner.Languages), search.Language);
        if (search.Capacity is { } capacity)
        {
            conditions.Add($"d.capacity = {Next(capacity.ToString())}");
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // plainto_tsquery: what people type is words, never query syntax; every word must match (stemmed). The
            // expression is the full-text index's own, or the index is not used.
            conditions.Add($"to_tsvector('{PartnerDocuments.TextSearchConfig}'::regconfig, (d.data ->> 'SearchText')) " +
                $"@@ plainto_tsquery('{PartnerDocuments.TextSearchConfig}'::regconfig, {Next(search.Text.Trim())})");
        }

        return (conditions.Count == 0 ? "true" : string.Join(" AND ", conditions), parameters);
    }
}
