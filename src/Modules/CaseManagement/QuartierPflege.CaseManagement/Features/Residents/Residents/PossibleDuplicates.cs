using Marten;
using Marten.Linq.MatchesSql;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Residents.Residents;

/// <summary>
/// Residents who may be the one about to be created: a name like it (the same or a near spelling, through the trigram
/// index) with the same birth date, or with the same first name at the same address. Shown as the search shows them
/// (name, birth date, address), so that the existing file is opened instead of a second one started.
/// </summary>
internal sealed class PossibleDuplicates(IQuerySession session)
{
    private const int Limit = 5;

    public async Task<IReadOnlyList<ResidentListItem>> FindAsync(SaveResidentRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.FirstName) || string.IsNullOrWhiteSpace(request.LastName))
        {
            return [];
        }

        var name = Resident.SearchNameOf(request.FirstName.Trim(), request.LastName.Trim());
        var alike = await session.Query<Resident>().Where(r => r.MatchesSql("d.search_name % ? AND similarity(d.search_name, ?) >= 0.5", name, name)).Take(50).ToListAsync(cancellationToken);
        var address = AddressKey(request.Street, request.HouseNumber, request.PostalCode);
        // The whole name's similarity counts the first name too: "Gertrud Einzelmann" is near "Gertrud Doppelmann". A
        // misspelt last name still starts with the same letter (Müller, Müler, Mueller).
        var initial = char.ToLowerInvariant(request.LastName.Trim()[0]);
        return [.. alike
            .Where(r => r.LastName.Length > 0 && char.ToLowerInvariant(r.LastName[0]) == initial)
            .Where(r => r.DateOfBirth == request.DateOfBirth
                        || (address is not null && AddressKey(r.Street, r.HouseNumber, r.PostalCode) == address
                            && string.Equals(r.FirstName.Trim(), request.FirstName.Trim(), StringComparison.CurrentCultureIgnoreCase)))
            .OrderBy(r => r.SearchName, StringComparer.Ordinal)
            .Take(Limit)
            .Select(r => new ResidentListItem(r.Id, r.FirstName, r.LastName, r.DateOfBirth, r.Address, r.Quartier, r.CareLevel))];
    }

    /// <summary>One German message naming them, for the API and the form's error summary.</summary>
    public static string Warning(IReadOnlyList<ResidentListItem> found)
        => "Diese Person ist vielleicht schon erfasst: "
           + string.Join("; ", found.Select(r => $"{r.FirstName} {r.LastName}, geboren am {GermanDates.Show(r.DateOfBirth)}, {r.Address}"))
           + ". Öffnen Sie die vorhandene Akte, oder bestätigen Sie, dass es eine andere Person ist.";

    /// <summary>"Bahnhofstr. 12 a" and "Bahnhofstraße 12a" are one address: lower case, "straße" as "str", no spaces, dots or hyphens.</summary>
    private static string? AddressKey(string? street, string? houseNumber, string? postalCode)
    {
        if (string.IsNullOrWhiteSpace(street) || string.IsNullOrWhiteSpace(houseNumber))
        {
            return null;
        }

        var text = $"{street}|{houseNumber}|{postalCode}".ToLowerInvariant().Replace("straße", "str", StringComparison.Ordinal)
            .Replace("strasse", "str", StringComparison.Ordinal);
        return new string([.. text.Where(c => c is not (' ' or '.' or '-'))]);
    }
}
