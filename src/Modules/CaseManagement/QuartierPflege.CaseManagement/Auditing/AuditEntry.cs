using NodaTime;

namespace QuartierPflege.CaseManagement.Auditing;

/// <summary>
/// Who read or changed which resident or case record, when (DSGVO: reads of special-category data are logged).
/// Append-only: the database refuses updates and deletes of this table.
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; private set; }

    public Instant At { get; init; }

    public Guid UserId { get; init; }

    public required string UserName { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>"Resident", "Case", "Consent", … the kind of record touched.</summary>
    public required string RecordKind { get; init; }

    public Guid RecordId { get; init; }

    public Guid? ResidentId { get; init; }

    public Guid? CaseId { get; init; }

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
