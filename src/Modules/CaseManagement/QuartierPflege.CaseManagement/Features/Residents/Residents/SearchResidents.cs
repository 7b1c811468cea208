using Marten;
using Marten.Linq.MatchesSql;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed record ResidentListItem(Guid Id, string FirstName, string LastName, LocalDate DateOfBirth, string Address, string Quartier, CareLevel CareLevel);

internal sealed record ResidentPage(IReadOnlyList<ResidentListItem> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

internal sealed class SearchResidents(IQuerySession session, AuditTrail audit)
{
    public const int PageSize = 20;

    /// <summary>
    /// Residents for whom every word of <paramref name="query"/> (case-insensitive, any order) matches the name or the
    /// address, optionally in one Quartier; a query in the shape of a case number ("F-2026-0042") finds that case's
    /// resident. A word matches as a part ("schmi" finds Schmidt, "bahnhof" Bahnhofstraße) or as a near spelling of
    /// one of its words ("Schmitt" finds Schmidt): through the trigram indexes on search name and search address.
    /// </summary>
    public async Task<Outcome<ResidentPage>> HandleAsync(string? query, string? quartier, int? page, CancellationToken cancellationToken)
    {
        if (query is { Length: > 100 })
        {
            return Outcome<ResidentPage>.Invalid("q", "Der Suchbegriff darf höchstens 100 Zeichen lang sein.");
        }

        if (page is < 1 or > 100_000)
        {
            return Outcome<ResidentPage>.Invalid("page", "Die Seite muss eine Zahl ab 1 sein.");
        }

        IQueryable<Resident> residents = session.Query<Resident>();
        if (ResidentSearch.CaseNumber(query) is { } caseNumber)
        {
            var ofCase = await session.Query<Case>().Where(c => c.Number == caseNumber).Select(c => c.ResidentId).ToListAsync(cancellationToken);
            var ids = ofCase.ToArray();
            residents = residents.Where(r => r.Id.IsOneOf(ids));
        }
        else
        {
            foreach (var word in ResidentSearch.Words(query))
            {
                var (name, nameParameters) = ResidentSearch.WordCondition("d.search_name", word);
                var (address, addressParameters) = ResidentSearch.WordCondition("d.search_address", word);
                object[] parameters = [.. nameParameters, .. addressParameters];
                var sql = $"({name} OR {address})";
                residents = residents.Where(r => r.MatchesSql(sql, parameters));
            }
        }

        if (!string.IsNullOrWhiteSpace(quartier))
        {
            var wanted = quartier.Trim();
            residents = residents.Where(r => r.Quartier == wanted);
        }

        var number = page ?? 1;
        var total = await residents.CountAsync(cancellationToken);
        var items = total == 0
            ? []
            : await residents.OrderBy(r => r.SearchName).ThenBy(r => r.Id)
                .Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        await audit.SaveSearchAsync(query, quartier, total, cancellationToken);
        return Outcome<ResidentPage>.Done(new ResidentPage(
            [.. items.Select(r => new ResidentListItem(r.Id, r.FirstName, r.LastName, r.DateOfBirth, r.Address, r.Quartier, r.CareLevel))],
            number, PageSize, total));
    }
}

/// <summary>The name search's pieces shared by the resident list and the dashboard.</summary>
internal static partial class ResidentSearch
{
    /// <summary>The query as a case number ("f-2026-42" is F-2026-0042), or null when it does not look like one.</summary>
    public static string? CaseNumber(string? query)
    {
        var match = CaseNumberShape().Match(query?.Trim() ?? string.Empty);
        return match.Success
            ? $"F-{match.Groups[1].Value}-{int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):0000}"
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[Ff]-(\d{4})-(\d{1,6})$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberShape();

    public static IEnumerable<string> Words(string? query)
        => (query ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Near spellings are looked for from three letters on: a shorter word has no trigram of its own, so a "near
    /// spelling" of "er" is nearly every name, and the index cannot narrow anything. Shorter words match as a part only.
    /// </summary>
    public const int NearSpellingFrom = 3;

    /// <summary>
    /// SQL for one word against a lower-case search name column, with its parameters: a substring (LIKE) or, from
    /// <see cref="NearSpellingFrom"/> letters on, a near spelling of one of its words (pg_trgm's word similarity ≥ 0.6).
    /// Both use the GIN trigram index.
    /// </summary>
    public static (string Sql, object[] Parameters) WordCondition(string column, string word)
    {
        var pattern = "%" + EscapeLike(word) + "%";
        return word.Length >= NearSpellingFrom
            ? ($"({column} LIKE ? OR ? <% {column})", [pattern, word])
            : ($"{column} LIKE ?", [pattern]);
    }

    public static string EscapeLike(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
