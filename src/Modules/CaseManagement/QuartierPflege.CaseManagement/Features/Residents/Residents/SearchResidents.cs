using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

internal sealed record ResidentListItem(Guid Id, string FirstName, string LastName, LocalDate DateOfBirth, string Address, string Quartier, CareLevel CareLevel);

internal sealed record ResidentPage(IReadOnlyList<ResidentListItem> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

internal sealed class SearchResidents(CaseManagementDbContext db)
{
    public const int PageSize = 20;

    /// <summary>
    /// Residents whose name contains every word of <paramref name="query"/> (case-insensitive, any order), optionally in
    /// one Quartier. LIKE on the lower-case search name uses the trigram index.
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

        var residents = db.Residents.AsNoTracking();
        foreach (var word in (query ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = $"%{EscapeLike(word)}%";
            residents = residents.Where(r => EF.Functions.Like(r.SearchName, pattern, @"\"));
        }

        if (!string.IsNullOrWhiteSpace(quartier))
        {
            var wanted = quartier.Trim();
            residents = residents.Where(r => r.Quartier == wanted);
        }

        var number = page ?? 1;
        var total = await residents.CountAsync(cancellationToken);
        var items = await residents.OrderBy(r => r.LastName).ThenBy(r => r.FirstName).ThenBy(r => r.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.FirstName, r.LastName, r.DateOfBirth, r.Street, r.HouseNumber, r.Flat, r.PostalCode, r.City, r.Quartier, r.CareLevel })
            .ToListAsync(cancellationToken);
        return Outcome<ResidentPage>.Done(new ResidentPage(
            [.. items.Select(r => new ResidentListItem(r.Id, r.FirstName, r.LastName, r.DateOfBirth,
                r.Flat is null ? $"{r.Street} {r.HouseNumber}, {r.PostalCode} {r.City}" : $"{r.Street} {r.HouseNumber} ({r.Flat}), {r.PostalCode} {r.City}",
                r.Quartier, r.CareLevel))],
            number, PageSize, total));
    }

    /// <summary>The Quartiere residents live in, for the filter.</summary>
    public async Task<IReadOnlyList<string>> QuartiereAsync(CancellationToken cancellationToken)
        => await db.Residents.Select(r => r.Quartier).Distinct().OrderBy(q => q).ToListAsync(cancellationToken);

    private static string EscapeLike(string word) => word.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
