using System.Text.Json.Serialization;
using JasperFx;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>
/// An early signal about a resident (Hinweis), reported by anyone signed in. The reporter names the person in free text
/// (volunteers must not browse residents); a case manager triages it: new case, existing case, or dismissed with a reason.
/// </summary>
internal sealed class Concern : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string? ResidentName { get; init; }

    public string? ResidentAddress { get; init; }

    public required string Description { get; init; }

    public Guid ReportedBy { get; init; }

    public required string ReportedByName { get; init; }

    public Instant ReportedAt { get; init; }

    [JsonInclude]
    public ConcernStatus Status { get; private set; } = ConcernStatus.Open;

    [JsonInclude]
    public Guid? CaseId { get; private set; }

    [JsonInclude]
    public Guid? ResidentId { get; private set; }

    [JsonInclude]
    public string? DismissalReason { get; private set; }

    [JsonInclude]
    public Guid? TriagedBy { get; private set; }

    [JsonInclude]
    public string? TriagedByName { get; private set; }

    [JsonInclude]
    public Instant? TriagedAt { get; private set; }

    /// <summary>Marten's numeric revision: two case managers triaging the same concern do not both win.</summary>
    public int Version { get; set; }

    public bool IsOpen => Status == ConcernStatus.Open;

    public void TurnIntoCase(Guid caseId, Guid residentId, Guid by, string byName, Instant at)
        => Triage(ConcernStatus.TurnedIntoCase, caseId, residentId, null, by, byName, at);

    public void AttachToCase(Guid caseId, Guid residentId, Guid by, string byName, Instant at)
        => Triage(ConcernStatus.AttachedToCase, caseId, residentId, null, by, byName, at);

    public void Dismiss(string reason, Guid by, string byName, Instant at)
        => Triage(ConcernStatus.Dismissed, null, null, reason, by, byName, at);

    private void Triage(ConcernStatus status, Guid? caseId, Guid? residentId, string? reason, Guid by, string byName, Instant at)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("The concern has been triaged already.");
        }

        Status = status;
        CaseId = caseId;
        ResidentId = residentId;
        DismissalReason = reason;
        TriagedBy = by;
        TriagedByName = byName;
        TriagedAt = at;
    }
}

internal enum ConcernStatus
{
    /// <summary>Offen: waits in the triage queue.</summary>
    Open = 0,

    /// <summary>Zu neuem Fall geworden.</summary>
    TurnedIntoCase = 1,

    /// <summary>Einem bestehenden Fall zugeordnet.</summary>
    AttachedToCase = 2,

    /// <summary>Verworfen, mit Begründung.</summary>
    Dismissed = 3,
}
