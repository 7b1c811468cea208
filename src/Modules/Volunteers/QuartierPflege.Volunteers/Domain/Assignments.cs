using JasperFx;
using NodaTime;

namespace QuartierPflege.Volunteers.Domain;

/// <summary>
/// A neighbour-help request of a case, as far as Volunteers needs it: where, which role, how much, when. The resident
/// appears only by street and house number (the helper must find the flat) and the description of the help.
/// </summary>
internal sealed class HelpRequest
{
    /// <summary>The request id on the wire.</summary>
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public Guid ResidentId { get; init; }

    public required string Quartier { get; init; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public string? Flat { get; set; }

    public required string RoleProfileKey { get; init; }

    public required string Description { get; set; }

    public int HoursPerMonth { get; init; }

    public string? PreferredTimes { get; set; }

    public LocalDate StartsOn { get; init; }

    public List<Guid> Proposed { get; set; } = [];

    public bool Withdrawn { get; set; }

    /// <summary>When the request was withdrawn or its case closed: the retention period of the request starts then.</summary>
    public LocalDate? WithdrawnOn { get; set; }

    /// <summary>Set when the address and description were erased (retention or the resident's erasure): not counted again.</summary>
    public LocalDate? AnonymisedOn { get; set; }
}

internal enum AssignmentStatus
{
    Active = 0,
    Ended = 1,
}

/// <summary>A volunteer helping one resident (Einsatz), created when the chosen helper passed the checks.</summary>
internal sealed class Assignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RequestId { get; init; }

    public Guid CaseId { get; init; }

    public Guid VolunteerId { get; set; }

    public required string RoleProfileKey { get; init; }

    public required string CompensationModelKey { get; init; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public required string Description { get; set; }

    public int HoursPerMonth { get; init; }

    public LocalDate StartsOn { get; init; }

    public AssignmentStatus Status { get; set; }

    public LocalDate? EndedOn { get; set; }

    public string? EndReason { get; set; }

    /// <summary>Set when the resident's address and the task were erased (retention or erasure): not counted again.</summary>
    public LocalDate? AnonymisedOn { get; set; }
}

internal enum ActivityState
{
    Submitted = 0,
    Confirmed = 1,

    /// <summary>Returned to the volunteer with a comment; they correct and submit again.</summary>
    Returned = 2,

    Cancelled = 3,
}

/// <summary>A visit log (Einsatznachweis) entered by the volunteer, confirmed by a coordinator.</summary>
internal sealed class ActivityLog : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VolunteerId { get; set; }

    public Guid AssignmentId { get; init; }

    public required string RoleProfileKey { get; init; }

    public LocalDate Date { get; set; }

    public int Minutes { get; set; }

    public required string Kind { get; set; }

    public decimal Kilometres { get; set; }

    public string? Note { get; set; }

    public ActivityState State { get; set; }

    public string? ReturnComment { get; set; }

    public Instant SubmittedAt { get; set; }

    public Instant? ConfirmedAt { get; set; }

    /// <summary>Set when the note and the link to the volunteer were erased (retention): date, minutes and kind remain.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public int Version { get; set; }
}
