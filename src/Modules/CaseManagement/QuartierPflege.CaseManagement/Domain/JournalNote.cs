using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>
/// A note in the case journal. Notes are a record of the work and are never edited. A contact note says when someone
/// last spoke with the resident; a confidential one is for the case manager (and coordination) only, not the deputy.
/// </summary>
internal sealed class JournalNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public required string Text { get; set; }

    public Instant WrittenAt { get; init; }

    public Guid WrittenBy { get; init; }

    public required string WrittenByName { get; init; }

    /// <summary>Set when the note records a contact with the resident; the day it took place.</summary>
    public LocalDate? ContactOn { get; init; }

    public bool IsConfidential { get; init; }

    /// <summary>The day the retention sweep anonymised this record (null: not yet); never counted or changed again.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public bool IsContact => ContactOn is not null;
}
