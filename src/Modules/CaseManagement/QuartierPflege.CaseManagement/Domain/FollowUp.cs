using System.Text.Json.Serialization;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>A dated reminder on a case (Wiedervorlage): "call Frau K.'s daughter about the Pflegegrad application".</summary>
internal sealed class FollowUp
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public LocalDate DueOn { get; init; }

    public required string Title { get; init; }

    public string? Note { get; init; }

    public Instant CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }

    public required string CreatedByName { get; init; }

    [JsonInclude]
    public Instant? DoneAt { get; private set; }

    [JsonInclude]
    public Guid? DoneBy { get; private set; }

    [JsonInclude]
    public string? DoneByName { get; private set; }

    public bool IsDone => DoneAt is not null;

    /// <summary>Marking done twice keeps who did it first; undoing clears it, so the reminder is due again.</summary>
    public void MarkDone(bool done, Guid by, string byName, Instant at)
    {
        if (done && !IsDone)
        {
            DoneAt = at;
            DoneBy = by;
            DoneByName = byName;
        }
        else if (!done)
        {
            DoneAt = null;
            DoneBy = null;
            DoneByName = null;
        }
    }

    public bool IsOverdueOn(LocalDate today) => !IsDone && DueOn < today;

    /// <summary>A reminder before the case existed makes no sense (and would be overdue from the start).</summary>
    public static bool MayBeDueOn(LocalDate dueOn, Case @case) => dueOn >= @case.OpenedOn;
}
