using NodaTime;

namespace QuartierPflege.CaseManagement.Domain;

/// <summary>Rules of the everyday work on an open case: its status, contacts and the no-contact alert.</summary>
internal static class CaseWork
{
    /// <summary>The statuses a case moves between while it is open; closing is a step of its own (with outcomes).</summary>
    public static IReadOnlyList<CaseStatus> WorkingStatuses { get; } = [CaseStatus.Open, CaseStatus.InProgress, CaseStatus.Dormant];

    public static bool CanChangeStatus(Case @case, CaseStatus to) => !@case.IsClosed && WorkingStatuses.Contains(to);

    /// <summary>A contact moves the last contact forward, never back (an older contact noted late changes nothing).</summary>
    public static void RecordContact(this Case @case, LocalDate on)
    {
        if (on > @case.LastContactOn)
        {
            @case.LastContactOn = on;
        }
    }

    public static int DaysWithoutContact(this Case @case, LocalDate today) => Period.Between(@case.LastContactOn, today, PeriodUnits.Days).Days;

    /// <summary>An open case whose last contact is <paramref name="noContactDays"/> or more days ago raises the alert.</summary>
    public static bool HasNoContactAlert(this Case @case, LocalDate today, int noContactDays)
        => !@case.IsClosed && @case.DaysWithoutContact(today) >= noContactDays;

    public static LocalDate NoContactCutoff(LocalDate today, int noContactDays) => today.PlusDays(-noContactDays);

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Offen",
        CaseStatus.InProgress => "In Bearbeitung",
        CaseStatus.Dormant => "Ruhend",
        CaseStatus.Closed => "Abgeschlossen",
        _ => status.ToString(),
    };
}
