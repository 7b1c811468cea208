using JasperFx;
namespace QuartierPflege.Volunteers.Domain;

/// <summary>
/// A role neighbours can take (Rollenprofil): what it involves, what it requires and what it pays. The key is the id
/// other modules use (a neighbour-help step names it), so it never changes; everything else coordination edits.
/// </summary>
internal sealed class RoleProfile : IRevisioned
{
    /// <summary>The stable key, e.g. <c>nachbarschaftshilfe</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string Description { get; set; } = string.Empty;

    public string Tasks { get; set; } = string.Empty;

    /// <summary>Anleitungen as text; attached files are <see cref="GuidanceFile"/> documents.</summary>
    public string Guidance { get; set; } = string.Empty;

    /// <summary>Course type keys (trainings and certificates such as the Führungszeugnis) an active enrolment needs.</summary>
    public List<string> Requirements { get; set; } = [];

    public string CompensationModelKey { get; set; } = "unentgeltlich";

    public int MaxHoursPerMonth { get; set; }

    public int MaxPeoplePerHelper { get; set; }

    /// <summary>The Saxon rules for neighbourhood help (§45a SGB XI, SächsPflUVO §10) apply to assignments in this role.</summary>
    public bool Section45a { get; set; }

    public int Version { get; set; }
}

/// <summary>A file attached to a role's guidance (PDF or image), stored in PostgreSQL.</summary>
internal sealed class GuidanceFile
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RoleProfileKey { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }
}

/// <summary>A training or certificate kind with how long a certificate of it is valid (null: it does not lapse).</summary>
internal sealed class CourseType
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public int? ValidityMonths { get; set; }

    /// <summary>A certificate brought from elsewhere (e.g. the Führungszeugnis), not a course the programme runs.</summary>
    public bool ExternalOnly { get; set; }
}
