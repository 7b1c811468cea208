using NodaTime;

namespace QuartierPflege.CaseManagement.Auditing;

/// <summary>
/// Who read or changed which resident or case record, when (DSGVO: reads of special-category data are logged).
/// Append-only: nothing in the module updates or deletes an entry (the documents are only ever inserted).
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>Time-ordered (version 7): ties of <see cref="At"/> keep the order of writing.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Instant At { get; init; }

    public Guid UserId { get; init; }

    public required string UserName { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>"Resident", "Case", "Consent", … the kind of record touched.</summary>
    public required string RecordKind { get; init; }

    public Guid RecordId { get; init; }

    public Guid? ResidentId { get; init; }

    public Guid? CaseId { get; init; }

    /// <summary>
    /// About a confidential note: a deputy, who does not see those notes, does not see this entry either (not even when
    /// one was written).
    /// </summary>
    public bool Confidential { get; init; }

    /// <summary>A short German description of what happened ("Einwilligung widerrufen: Weitergabe an Partner").</summary>
    public required string Description { get; init; }
}

internal enum AuditAction
{
    Read = 0,
    Create = 1,
    Update = 2,
    Delete = 3,

    /// <summary>Someone without access tried to open the record; they saw 404.</summary>
    DeniedRead = 4,
}
