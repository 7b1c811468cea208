using System.Globalization;
using Marten;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Partners.Network;

internal enum CellState
{
    Gap,
    SinglePoint,
    Covered,
}

/// <summary>One cell of the matrix: how many active, accepting partners offer the category in the Quartier.</summary>
internal sealed record CoverageCell(string ServiceCategory, string Quartier, int Count)
{
    public CellState State => Coverage.StateOf(Count);
}

internal sealed record CoverageMatrix(IReadOnlyList<string> ServiceCategories, IReadOnlyList<string> Quartiere, IReadOnlyDictionary<(string, string), int> Counts)
{
    public int CountOf(string category, string quartier) => Counts.GetValueOrDefault((category, quartier));

    public IEnumerable<CoverageCell> Cells
        => ServiceCategories.SelectMany(c => Quartiere.Select(q => new CoverageCell(c, q, CountOf(c, q))));

    public int GapCount => Cells.Count(c => c.State == CellState.Gap);

    public int SinglePointCount => Cells.Count(c => c.State == CellState.SinglePoint);
}

/// <summary>A cell a partner's absence would change: from <see cref="Before"/> partners to one fewer.</summary>
internal sealed record WhatIfCell(string ServiceCategory, string Quartier, int Before)
{
    public int After => Before - 1;

    public CellState StateAfter => Coverage.StateOf(After);
}

/// <summary>The rules of the network's resilience, free of storage: cell states, what-if, alternatives, CSV.</summary>
internal static class Coverage
{
    public static CellState StateOf(int count) => count switch
    {
        <= 0 => CellState.Gap,
        1 => CellState.SinglePoint,
        _ => CellState.Covered,
    };

    public static string TextOf(CellState state) => state switch
    {
        CellState.Gap => "Lücke",
        CellState.SinglePoint => "nur einer",
        _ => "abgedeckt",
    };

    /// <summary>
    /// The cells this partner holds up today (it counts there) and what they would fall to without it; cells it would
    /// leave empty first. A partner that does not count now (paused, ended, full) changes nothing.
    /// </summary>
    public static IReadOnlyList<WhatIfCell> WhatIf(Partner partner, CoverageMatrix matrix)
        => !partner.IsAvailable
            ? []
            : [.. partner.ServiceCategories.SelectMany(c => partner.Quartiere.Select(q => new WhatIfCell(c, q, matrix.CountOf(c, q))))
                .OrderBy(c => c.Before).ThenBy(c => ServiceCategories.NameOf(c.ServiceCategory), StringComparer.CurrentCulture).ThenBy(c => c.Quartier, StringComparer.CurrentCulture)];

    /// <summary>
    /// Who could take over each of the partner's categories in each of its Quartiere: the other available partners
    /// there, or, when there are none, those of the neighbouring Quartiere.
    /// </summary>
    public static IReadOnlyList<PartnerAlternatives> AlternativesFor(Partner partner, IReadOnlyList<Partner> others, Func<string, IReadOnlyList<string>> neighboursOf)
    {
        var result = new List<PartnerAlternatives>();
        foreach (var category in partner.ServiceCategories)
        {
            var candidates = others.Where(o => o.Id != partner.Id && o.IsAvailable && o.ServiceCategories.Contains(category)).ToList();
            foreach (var quartier in partner.Quartiere)
            {
                var here = candidates.Where(o => o.Quartiere.Contains(quartier)).Select(o => o.Id).ToList();
                if (here.Count == 0)
                {
                    var around = neighboursOf(quartier);
                    here = [.. candidates.Where(o => o.Quartiere.Any(around.Contains)).Select(o => o.Id)];
                }

                result.Add(new PartnerAlternatives(category, quartier, here));
            }
        }

        return result;
    }

    /// <summary>The matrix as a spreadsheet reads it: semicolons, a UTF-8 byte order mark (Excel's German default).</summary>
    public static byte[] ToCsv(CoverageMatrix matrix)
        => CsvFile.Write(
            ["Leistungsart", "Quartier", "Anzahl aktiver aufnehmender Partner", "Bewertung"],
            matrix.Cells.Select(cell => (IReadOnlyList<string?>)[ServiceCategories.NameOf(cell.ServiceCategory), cell.Quartier,
                cell.Count.ToString(CultureInfo.InvariantCulture), TextOf(cell.State)]));
}

/// <summary>The filter of the matrix page and API: one category, one Quartier, or only the weak cells.</summary>
internal sealed record CoverageFilter(string? ServiceCategory = null, string? Quartier = null, bool OnlyWeak = false);

/// <summary>Counts the matrix in the database (one grouped query over the partners' lists).</summary>
internal sealed class CoverageQuery(IQuerySession session, IQuartierList quartiere)
{
    public async Task<CoverageMatrix> HandleAsync(CoverageFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // One text value: per active accepting partner its categories and its Quartiere (tab-separated, the two lists
        // split by U+001F), counted into cells here. Grouping the pairs in SQL made the planner expect 100 × 100 rows
        // per partner once the table had statistics, and it chose a sort that cost 350 ms instead of 60.
        var text = (await session.AdvancedSql.QueryAsync<string>($"""
            SELECT coalesce(string_agg(cats || chr(31) || qs, chr(10)), '') FROM (
                SELECT (SELECT string_agg(c, chr(9)) FROM jsonb_array_elements_text(p.data -> 'ServiceCategories') AS c) AS cats,
                       (SELECT string_agg(q, chr(9)) FROM jsonb_array_elements_text(p.data -> 'Quartiere') AS q) AS qs
                FROM {PartnerDocuments.Partners} p
                WHERE p.status = 'Active' AND p.capacity = 'Accepting') AS lists
            WHERE cats IS NOT NULL AND qs IS NOT NULL
            """, cancellationToken)).Single();
        var counts = new Dictionary<(string, string), int>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var lists = line.Split('\u001f');
            var quartiersOfPartner = lists[1].Split('\t').Distinct(StringComparer.Ordinal).ToList();
            foreach (var category in lists[0].Split('\t').Distinct(StringComparer.Ordinal))
            {
                foreach (var quartier in quartiersOfPartner)
                {
                    counts[(category, quartier)] = counts.GetValueOrDefault((category, quartier)) + 1;
                }
            }
        }

        // Every known category, and any other key partners carry (imported data): a row nobody offers is a row of gaps.
        IEnumerable<string> categories = ServiceCategories.Names.Keys
            .Concat(counts.Keys.Select(k => k.Item1).Where(k => !ServiceCategories.IsKnown(k)).Distinct().Order(StringComparer.Ordinal));
        IEnumerable<string> names = (await quartiere.ActiveAsync(cancellationToken)).Select(q => q.Name);
        if (!string.IsNullOrWhiteSpace(filter.ServiceCategory))
        {
            categories = categories.Where(c => c == filter.ServiceCategory);
        }

        if (!string.IsNullOrWhiteSpace(filter.Quartier))
        {
            names = names.Where(q => q == filter.Quartier);
        }

        var categoryList = categories.ToList();
        var quartierList = names.ToList();
        if (filter.OnlyWeak)
        {
            // Rows and columns without a weak cell are left out: what remains is where to act.
            categoryList = [.. categoryList.Where(c => quartierList.Any(q => Coverage.StateOf(counts.GetValueOrDefault((c, q))) != CellState.Covered))];
            quartierList = [.. quartierList.Where(q => categoryList.Any(c => Coverage.StateOf(counts.GetValueOrDefault((c, q))) != CellState.Covered))];
        }

        return new CoverageMatrix(categoryList, quartierList, counts);
    }
}
