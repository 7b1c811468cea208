using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>
/// The file opened when a resident needs support (Fall). Owned by a case manager with a deputy; only they and
/// coordination may see it.
/// </summary>
internal sealed class Case
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Human-readable number, "F-2026-0042": what people say on the phone.</summary>
    public required string Number { get; init; }

    public Guid ResidentId { get; init; }

    public Resident? Resident { get; init; }

    public Guid CaseManagerId { get; set; }

    public required string CaseManagerName { get; set; }

    public Guid? DeputyId { get; set; }

    public string? DeputyName { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public LocalDate OpenedOn { get; init; }

    public LocalDate? ClosedOn { get; set; }

    /// <summary>The last day someone had contact with the resident; no contact for N days raises an alert.</summary>
    public LocalDate LastContactOn { get; set; }

    /// <summary>Denormalised from the resident for the dashboard's filter (Quartier) without a join.</summary>
    public required string Quartier { get; set; }

    public Instant CreatedAt { get; init; }

    public uint Version { get; private set; }

    public bool IsClosed => Status == CaseStatus.Closed;
}

internal enum CaseStatus
{
    /// <summary>Offen: opened, not yet worked on.</summary>
    Open = 0,

    /// <summary>In Bearbeitung.</summary>
    InProgress = 1,

    /// <summary>Ruhend: nothing to do for now, kept open.</summary>
    Dormant = 2,

    /// <summary>Abgeschlossen.</summary>
    Closed = 3,
}
