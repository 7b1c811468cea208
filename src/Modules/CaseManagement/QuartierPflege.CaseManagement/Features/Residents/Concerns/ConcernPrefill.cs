using System.Text.RegularExpressions;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

/// <summary>What a concern's free text says about the person, split into the resident form's fields where it can be told.</summary>
internal sealed record ConcernPrefill(string? FirstName, string? LastName, string? Street, string? HouseNumber, string? PostalCode, string? City);

internal static partial class ConcernPrefills
{
    private static readonly string[] Salutations = ["frau", "herr", "hr.", "fr.", "dr."];

    /// <summary>
    /// "Frau Erika Müller" → Erika / Müller; "Bahnhofstraße 12a, 04720 Döbeln" → street, number, postal code, city. What
    /// does not fit the pattern goes into the street (or last name) as written: the case manager corrects it, nothing is lost.
    /// </summary>
    public static ConcernPrefill From(string? name, string? address)
    {
        var words = (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => !Salutations.Contains(w.ToLowerInvariant())).ToList();
        var lastName = words.Count > 0 ? words[^1] : null;
        var firstName = words.Count > 1 ? string.Join(' ', words[..^1]) : null;

        if (string.IsNullOrWhiteSpace(address))
        {
            return new ConcernPrefill(firstName, lastName, null, null, null, null);
        }

        var match = Address().Match(address.Trim());
        return match.Success
            ? new ConcernPrefill(firstName, lastName, match.Groups["street"].Value.Trim(), match.Groups["number"].Value.Trim(),
                match.Groups["postal"].Success ? match.Groups["postal"].Value : null,
                match.Groups["city"].Success ? match.Groups["city"].Value.Trim() : null)
            : new ConcernPrefill(firstName, lastName, address.Trim(), null, null, null);
    }

    [GeneratedRegex(@"^(?<street>[^,\d]+?)\s+(?<number>\d+\s?[a-zA-Z]?)(\s*,\s*(?<postal>\d{5})(\s+(?<city>.+))?)?$")]
    private static partial Regex Address();
}
