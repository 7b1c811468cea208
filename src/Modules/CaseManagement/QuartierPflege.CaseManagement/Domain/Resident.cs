using JasperFx;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>An (often older) person living in a Quartier whom the programme supports (Bewohner:in).</summary>
internal sealed class Resident : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public LocalDate DateOfBirth { get; set; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    /// <summary>Flat or floor ("2. OG links"), where the house has several.</summary>
    public string? Flat { get; set; }

    public required string PostalCode { get; set; }

    public required string City { get; set; }

    public required string Quartier { get; set; }

    public string? Phone { get; set; }

    public CareLevel CareLevel { get; set; }

    /// <summary>Tenancy or membership number at the housing cooperative (optional).</summary>
    public string? TenancyNumber { get; set; }

    public List<string> Languages { get; set; } = [];

    public List<Relative> Relatives { get; init; } = [];

    public Instant CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    /// <summary>Lower-case "last first" for the name search (a duplicated column with a trigram index); derived, never set.</summary>
    public string SearchName => SearchNameOf(FirstName, LastName);

    /// <summary>Lower-case "street number postal-code city" for the search by address (a duplicated column with a trigram index); derived.</summary>
    public string SearchAddress => $"{Street} {HouseNumber} {PostalCode} {City}".ToLowerInvariant();

    /// <summary>The day the retention sweep anonymised this record (null: not yet); never counted or changed again.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    /// <summary>Marten's numeric revision: two people editing the same resident (relatives included) get a conflict.</summary>
    public int Version { get; set; }

    public static string SearchNameOf(string firstName, string lastName) => $"{lastName} {firstName}".ToLowerInvariant();

    public string DisplayName => $"{FirstName} {LastName}";

    public string Address => Flat is null ? $"{Street} {HouseNumber}, {PostalCode} {City}" : $"{Street} {HouseNumber} ({Flat}), {PostalCode} {City}";
}

/// <summary>Statutory care level (Pflegegrad), or none.</summary>
internal enum CareLevel
{
    None = 0,
    Pflegegrad1 = 1,
    Pflegegrad2 = 2,
    Pflegegrad3 = 3,
    Pflegegrad4 = 4,
    Pflegegrad5 = 5,
}

/// <summary>Family member or other close contact (Angehörige:r).</summary>
internal sealed class Relative
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Relation or role, e.g. "Tochter", "Nachbar", "gesetzliche Betreuerin".</summary>
    public required string Role { get; set; }

    public string? Phone { get; set; }

    /// <summary>Whether the programme may contact this person (needs the resident's consent to contact relatives too).</summary>
    public bool MayBeContacted { get; set; }
}
