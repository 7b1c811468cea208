using JasperFx;
using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>
/// The file opened when a resident needs support (Fall). Owned by a case manager with a deputy; only they and
/// coordination may see it.
/// </summary>
internal sealed class Case : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Human-readable number, "F-2026-0042": what people say on the phone.</summary>
    public required string Number { get; init; }

    public Guid ResidentId { get; init; }

    /// <summary>Denormalised from the resident ("Erika Müller") for lists without a second read; kept in step when the resident changes.</summary>
    public required string ResidentName { get; set; }

    /// <summary>Lower-case "last first" of the resident, for the dashboard's name search (trigram index).</summary>
    public string ResidentSearchName { get; set; } = string.Empty;

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

    /// <summary>Marten's numeric revision: two people changing the same case get a conflict, not a lost update.</summary>
    public int Version { get; set; }

    /// <summary>Copies what lists show of the resident onto the case (at opening and whenever the resident is edited).</summary>
    public void ShowResident(Resident resident)
    {
        ResidentName = resident.DisplayName;
        ResidentSearchName = resident.SearchName;
    }

    public bool IsClosed => Status == CaseStatus.Closed;

    /// <summary>Why the case was closed (the last closing, when it was reopened since).</summary>
    public ClosingReason? ClosingReason { get; set; }

    /// <summary>The closing summary in the case manager's words.</summary>
    public string? ClosingSummary { get; set; }

    /// <summary>
    /// Sperrvermerk ("Aufbewahrung wegen Rechtsstreit"): while set, the retention sweep leaves the case (and its
    /// resident) alone. Set and lifted with a reason, both audited.
    /// </summary>
    public LegalHold? LegalHold { get; set; }

    /// <summary>The day the retention sweep anonymised this record (null: not yet); never counted or changed again.</summary>
    public LocalDate? AnonymisedOn { get; set; }
}

/// <summary>A legal hold on a case: why, by whom, since when.</summary>
internal sealed record LegalHold(string Reason, Guid ById, string ByName, Instant Since);

internal enum ClosingReason
{
    /// <summary>Ziele erreicht.</summary>
    GoalsReached = 0,

    /// <summary>Die Bewohnerin bzw. der Bewohner möchte keine Begleitung mehr.</summary>
    Declined = 1,

    /// <summary>Umzug (auch in eine Pflegeeinrichtung).</summary>
    MovedAway = 2,

    /// <summary>Verstorben.</summary>
    Deceased = 3,

    /// <summary>Andere Stelle zuständig.</summary>
    HandedToOtherService = 4,

    Other = 5,
}

internal static class ClosingReasons
{
    public static string Describe(ClosingReason reason) => reason switch
    {
        ClosingReason.GoalsReached => "Ziele erreicht",
        ClosingReason.Declined => "Begleitung nicht mehr gewünscht",
        ClosingReason.MovedAway => "Umzug (auch in eine Pflegeeinrichtung)",
        ClosingReason.Deceased => "verstorben",
        ClosingReason.HandedToOtherService => "andere Stelle zuständig",
        _ => "anderer Grund",
    };
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
