using System.Text.Json.Serialization;
using JasperFx;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>
/// A problem situation (Problemlage) of a case's Wege-Hilfe-Plan: the alternatives considered, the path chosen with
/// the resident and why, and at closing its outcome.
/// </summary>
internal sealed class ProblemSituation : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public ProblemKind Kind { get; set; }

    /// <summary>What "Sonstiges" means here (only for <see cref="ProblemKind.Other"/>).</summary>
    public string? OtherText { get; set; }

    public string? Description { get; set; }

    public List<string> Alternatives { get; set; } = [];

    public string? ChosenAlternative { get; set; }

    /// <summary>Why this path was chosen together with the resident.</summary>
    public string? ChoiceReason { get; set; }

    /// <summary>The home visit and checklist domain this problem came from, if any (so a finding is taken over once).</summary>
    public Guid? SourceHomeVisitId { get; init; }

    public string? SourceDomain { get; init; }

    public ProblemOutcome? Outcome { get; set; }

    public string? OutcomeNote { get; set; }

    public Instant CreatedAt { get; init; }

    /// <summary>Marten's numeric revision: the second of two concurrent edits is refused (409).</summary>
    public int Version { get; set; }

    [JsonIgnore]
    public string Title => Kind == ProblemKind.Other && !string.IsNullOrWhiteSpace(OtherText)
        ? $"Sonstiges: {OtherText}"
        : PlanningNames.Of(Kind);
}

/// <summary>The catalogue of problem situations.</summary>
internal enum ProblemKind
{
    /// <summary>Mietschulden.</summary>
    RentArrears = 0,

    /// <summary>Nachbarschaftskonflikt.</summary>
    NeighbourConflict = 1,

    /// <summary>Alters-/krankheitsbedingte Einschränkung.</summary>
    AgeOrIllnessLimitation = 2,

    /// <summary>Alltagsbewältigung.</summary>
    DailyLiving = 3,

    /// <summary>Vereinsamung.</summary>
    Loneliness = 4,

    /// <summary>Verwahrlosung.</summary>
    Neglect = 5,

    /// <summary>Pflegebedarf.</summary>
    CareNeed = 6,

    /// <summary>Sonstiges (with free text).</summary>
    Other = 7,
}

/// <summary>What became of a problem when the case is closed.</summary>
internal enum ProblemOutcome
{
    Resolved = 0,
    Improved = 1,
    Unchanged = 2,
    NotPursued = 3,
}
