using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// Case Management's lines of the record of processing activities (Art. 30 DSGVO): every document type the module stores
/// is in exactly one kind or listed as holding no personal data. The module stores no Marten events.
/// </summary>
internal sealed class CaseManagementPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Fallmanagement";

    public const string ResidentKey = "case-management.resident";
    public const string CaseFileKey = "case-management.case-file";
    public const string JournalNoteKey = "case-management.journal-note";
    public const string HomeVisitKey = "case-management.home-visit";
    public const string ConsentKey = "case-management.consent";
    public const string ConcernKey = "case-management.concern";
    public const string AuditEntryKey = "case-management.audit-entry";

    private const string Residents = "Bewohner:innen";
    private const string CaseWork = "Begleitung und Fallmanagement im Quartier (Wege-Hilfe-Plan)";
    private const string CareBasis = "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO (Einwilligung „Daten speichern“)";
    private const string Staff = "Fallmanagement des Falls, Vertretung, Koordination";
    private const string AfterClosing = "nach Abschluss des Falls";
    private const string AfterLastClosing = "nach Abschluss des letzten Falls der Person";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(ResidentKey, "Stammdaten der Bewohner:innen", Residents,
            "Name, Anschrift, Geburtsdatum, Telefon, Pflegegrad, Sprachen, Angehörige",
            "Erreichbarkeit und Zuordnung der Begleitung", CareBasis, Staff,
            new RetentionRule(AfterLastClosing, RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(Resident)]),
        new(CaseFileKey, "Fallakte mit Wege-Hilfe-Plan", Residents,
            "Problemlagen, Maßnahmen, Vermittlungen an Netzwerkpartner, Nachbarschaftshilfe, Wiedervorlagen, Abschluss",
            CaseWork, CareBasis, Staff + "; Netzwerkpartner und Ehrenamtliche nur im Umfang der Einwilligung",
            new RetentionRule(AfterClosing, RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(Case), typeof(ProblemSituation), typeof(PlanStep), typeof(FollowUp)]),
        new(JournalNoteKey, "Journalnotizen", Residents, "Freitext über Kontakte und Beobachtungen (auch Gesundheitsdaten)",
            CaseWork, CareBasis, Staff + " (vertrauliche Notizen ohne Vertretung)",
            new RetentionRule(AfterClosing, RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(JournalNote)]),
        new(HomeVisitKey, "Hausbesuche (Checkliste)", Residents, "Antworten der Checkliste, Notizen, Befunde (Gesundheitsdaten)",
            CaseWork, CareBasis, Staff,
            new RetentionRule(AfterClosing, RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(HomeVisit)]),
        new(ConsentKey, "Einwilligungen und Widerrufe", Residents, "Zweck, Partner, Form, Zeugin/Zeuge, Datum von Erteilung und Widerruf",
            "Nachweis der Einwilligung", "Art. 7 Abs. 1 DSGVO (Nachweispflicht)", Staff,
            new RetentionRule(AfterLastClosing, RetentionDuration.OfYears(3), RetentionDuration.OfYears(3), null, RetentionAction.Anonymise, "Art. 7 Abs. 1 DSGVO"),
            [typeof(Consent)]),
        new(ConcernKey, "Hinweise (nicht zu einem Fall geworden)", "Bewohner:innen, meldende Personen",
            "Name und Anschrift wie gemeldet, Beschreibung der Sorge", "Frühe Hilfe: Sichtung durch das Fallmanagement",
            "Art. 6 Abs. 1 lit. e DSGVO, Art. 9 Abs. 2 lit. h DSGVO", "Fallmanagement, Koordination",
            new RetentionRule("nach der Meldung", RetentionDuration.OfMonths(6), RetentionDuration.OfMonths(1), RetentionDuration.OfYears(1), RetentionAction.Delete, null),
            [typeof(Concern)]),
        new(AuditEntryKey, "Zugriffsprotokoll", "Bewohner:innen, Mitarbeitende", "Wer wann welchen Datensatz gelesen oder geändert hat",
            "Nachweis der Zugriffe auf besondere Kategorien personenbezogener Daten", "Art. 5 Abs. 2, Art. 32 DSGVO", "Koordination, Fallmanagement des Falls",
            new RetentionRule("nach dem Zugriff", RetentionDuration.OfYears(2), RetentionDuration.OfYears(1), null, RetentionAction.Delete, "Art. 5 Abs. 2 DSGVO"),
            [typeof(AuditEntry)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(FollowUpDigest), "Versandnachweis der täglichen Erinnerung: Datum, Kennung der Fachkraft und Anzahl, nichts über Bewohner:innen"),
    ];
}
