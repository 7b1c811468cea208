using System.Text.Json.Serialization;
using JasperFx;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>
/// A step (Maßnahme) of the plan: an internal action, a referral to a partner or neighbour help. One document with what
/// belongs to it alone (its referral or neighbour-help request and its history) embedded, so that a change and its
/// history entry are one write under one revision.
/// </summary>
internal sealed class PlanStep : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public Guid ProblemId { get; init; }

    public StepKind Kind { get; init; }

    public required string Title { get; set; }

    /// <summary>Who looks after the step (a person or organisation, as text).</summary>
    public required string Owner { get; set; }

    public LocalDate? DueOn { get; set; }

    public bool IsMilestone { get; set; }

    public StepStatus Status { get; set; } = StepStatus.Planned;

    public StepFlag? Flag { get; set; }

    public Instant CreatedAt { get; init; }

    /// <summary>Marten's numeric revision: the second of two concurrent edits is refused (409).</summary>
    public int Version { get; set; }

    public Referral? Referral { get; init; }

    public NeighbourHelpRequest? NeighbourHelp { get; init; }

    public List<StepChange> History { get; set; } = [];

    /// <summary>Duplicated (indexed column): partner answers find their step by the referral id.</summary>
    public Guid? ReferralId => Referral?.Id;

    /// <summary>Duplicated: a partner that becomes unavailable flags the steps referred to it.</summary>
    public Guid? ReferralPartnerId => Referral?.PartnerId;

    /// <summary>Duplicated: the Volunteers module's answers find their step by the request id.</summary>
    public Guid? NeighbourHelpId => NeighbourHelp?.Id;

    /// <summary>Duplicated: a helper's suspended enrolment flags the steps they were chosen for.</summary>
    public Guid? ChosenVolunteerId => NeighbourHelp?.ChosenVolunteerId;

    [JsonIgnore]
    public bool IsOpen => Status is not (StepStatus.Done or StepStatus.Cancelled);

    /// <summary>Changes a value and records it in the history, unless it stays the same (redelivered messages change nothing).</summary>
    public bool Change<T>(string field, T from, T to, Func<T, string> describe, Actor by, Instant at, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(from, to))
        {
            return false;
        }

        set(to);
        History.Add(new StepChange { At = at, ByUserId = by.UserId, ByName = by.Name, Field = field, From = describe(from), To = describe(to) });
        return true;
    }

    public bool ChangeStatus(StepStatus to, Actor by, Instant at)
        => Change("Status", Status, to, PlanningNames.Of, by, at, s => Status = s);

    public void Note(string field, string from, string to, Actor by, Instant at)
        => History.Add(new StepChange { At = at, ByUserId = by.UserId, ByName = by.Name, Field = field, From = from, To = to });
}

internal enum StepKind
{
    /// <summary>Interne Maßnahme.</summary>
    InternalAction = 0,

    /// <summary>Vermittlung an einen Netzwerkpartner.</summary>
    Referral = 1,

    /// <summary>Nachbarschaftshilfe.</summary>
    NeighbourHelp = 2,
}

internal enum StepStatus
{
    Planned = 0,
    InProgress = 1,
    Waiting = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>Who changed something: a person, or another module through a message (no user id then).</summary>
internal sealed record Actor(Guid? UserId, string Name)
{
    public static Actor Partner { get; } = new(null, "Netzwerkpartner (Nachricht)");

    public static Actor Volunteers { get; } = new(null, "Ehrenamt (Nachricht)");
}

/// <summary>One entry of a step's history: who changed what when, from → to (embedded in the step, in order).</summary>
internal sealed class StepChange
{
    public Instant At { get; init; }

    public Guid? ByUserId { get; init; }

    public required string ByName { get; init; }

    public required string Field { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }
}

/// <summary>A warning on a step that needs the case manager (helper suspended, partner unavailable).</summary>
internal sealed record StepFlag(StepFlagKind Kind, string Text, LocalDate Since, IReadOnlyList<Guid> AlternativePartnerIds);

internal enum StepFlagKind
{
    HelperSuspended = 0,
    PartnerUnavailable = 1,
}
