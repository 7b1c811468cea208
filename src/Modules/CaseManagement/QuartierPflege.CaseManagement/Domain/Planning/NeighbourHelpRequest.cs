using NodaTime;

namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>
/// Neighbour help asked of the Volunteers module for a step: what was disclosed, the helpers it proposed, the one the
/// case manager chose (with the three declarations of §45a SGB XI / SächsPflUVO) and how the assignment went. Embedded
/// in its step.
/// </summary>
internal sealed class NeighbourHelpRequest
{
    /// <summary>The request id on the wire (RequestId).</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid StepId { get; init; }

    public required string RoleProfileKey { get; init; }

    public required string Description { get; set; }

    public int HoursPerMonth { get; init; }

    public string? PreferredTimes { get; set; }

    public LocalDate StartsOn { get; init; }

    public NeighbourHelpStatus Status { get; set; } = NeighbourHelpStatus.Requested;

    public List<ProposedHelper> Candidates { get; set; } = [];

    public Guid? ChosenVolunteerId { get; set; }

    public string? ChosenVolunteerName { get; set; }

    public Guid? ChosenBy { get; set; }

    public Instant? ChosenAt { get; set; }

    public Guid? AssignmentId { get; set; }

    public List<string> RefusalReasons { get; set; } = [];

    /// <summary>Why the case manager withdrew it.</summary>
    public string? WithdrawalReason { get; set; }
}

/// <summary>A neighbour the Volunteers module proposed (only what the case manager needs to choose), with why they rank there.</summary>
internal sealed record ProposedHelper(Guid VolunteerId, string DisplayName, string Quartier, IReadOnlyList<string> Languages, decimal HoursFreeThisMonth, IReadOnlyList<string> ActiveRoles, string? Reason = null);

internal enum NeighbourHelpStatus
{
    /// <summary>Asked; the Volunteers module searches ("Vorschläge werden gesucht …").</summary>
    Requested = 0,

    Proposed = 1,

    HelperChosen = 2,

    Started = 3,

    /// <summary>The chosen helper could not be assigned (reasons); choose another.</summary>
    Refused = 4,

    /// <summary>The case manager withdrew it (the step is cancelled); the Volunteers module ends a running assignment.</summary>
    Withdrawn = 5,
}

/// <summary>The role profiles neighbour help can be asked for (keys as the Volunteers module uses them).</summary>
internal static class RoleProfiles
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["alltagsbegleitung"] = "Alltagsbegleiter:in",
        ["nachbarschaftshilfe"] = "Nachbarschaftshelfer:in (§45a SGB XI)",
        ["besuchsdienst"] = "Besuchsdienst",
        ["einkaufshilfe"] = "Einkaufshilfe",
        ["fahrdienst"] = "Fahrdienst",
    };

    public static string NameOf(string key) => Names.TryGetValue(key, out var name) ? name : key;
}
