namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>The German words the UI and the history use for the plan's values.</summary>
internal static class PlanningNames
{
    public static string Of(ProblemKind kind) => kind switch
    {
        ProblemKind.RentArrears => "Mietschulden",
        ProblemKind.NeighbourConflict => "Nachbarschaftskonflikt",
        ProblemKind.AgeOrIllnessLimitation => "Alters-/krankheitsbedingte Einschränkung",
        ProblemKind.DailyLiving => "Alltagsbewältigung",
        ProblemKind.Loneliness => "Vereinsamung",
        ProblemKind.Neglect => "Verwahrlosung",
        ProblemKind.CareNeed => "Pflegebedarf",
        _ => "Sonstiges",
    };

    public static string Of(StepKind kind) => kind switch
    {
        StepKind.InternalAction => "interne Maßnahme",
        StepKind.Referral => "Vermittlung",
        _ => "Nachbarschaftshilfe",
    };

    public static string Of(StepStatus status) => status switch
    {
        StepStatus.Planned => "geplant",
        StepStatus.InProgress => "in Arbeit",
        StepStatus.Waiting => "wartet",
        StepStatus.Done => "erledigt",
        _ => "abgebrochen",
    };

    public static string Of(ProblemOutcome outcome) => outcome switch
    {
        ProblemOutcome.Resolved => "gelöst",
        ProblemOutcome.Improved => "verbessert",
        ProblemOutcome.Unchanged => "unverändert",
        _ => "nicht weiter verfolgt",
    };

    public static string Of(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "gesendet",
        ReferralStatus.Accepted => "angenommen",
        ReferralStatus.Declined => "abgelehnt",
        ReferralStatus.CompletedSuccessfully => "abgeschlossen (erfolgreich)",
        ReferralStatus.CompletedUnsuccessfully => "abgeschlossen (nicht erfolgreich)",
        _ => "zurückgezogen",
    };

    public static string Of(NeighbourHelpStatus status) => status switch
    {
        NeighbourHelpStatus.Requested => "Vorschläge werden gesucht …",
        NeighbourHelpStatus.Proposed => "Vorschläge liegen vor",
        NeighbourHelpStatus.HelperChosen => "Helfer:in gewählt, Einsatz wird eingerichtet",
        NeighbourHelpStatus.Started => "Einsatz läuft",
        NeighbourHelpStatus.Withdrawn => "zurückgezogen",
        _ => "Einsatz nicht möglich",
    };

    public static string YesNo(bool value) => value ? "ja" : "nein";
}
