using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>What Volunteers keeps about volunteers and, through neighbour help, about residents (Art. 30 DSGVO).</summary>
internal sealed class VolunteersPersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Ehrenamt";

    public const string Profile = "volunteers.profile";
    public const string CertificateKind = "volunteers.certificate";
    public const string Training = "volunteers.training-participation";
    public const string HelpRequestKind = "volunteers.help-request";
    public const string AssignmentKind = "volunteers.assignment";
    public const string VisitLog = "volunteers.visit-log";
    public const string ReadAudit = "volunteers.read-audit";

    private const string Volunteers = "Ehrenamtliche";
    private const string Residents = "Bewohnerinnen und Bewohner (über die Nachbarschaftshilfe ihres Falls)";
    private const string Agreement = "Art. 6 Abs. 1 lit. b DSGVO (Vereinbarung über das Ehrenamt)";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(Profile, "Profil mit Rollen und Einschreibungen", Volunteers,
            "Name, Anschrift, Telefon, E-Mail, Geburtsdatum, Sprachen, Verfügbarkeit, Fähigkeiten, Rollen und ihr Stand",
            "Gewinnung, Schulung und Einsatzplanung der Ehrenamtlichen; Vorschläge für Nachbarschaftshilfe",
            Agreement, "Koordination; Fallmanagement sieht Vorname und Rolle vorgeschlagener Helferinnen und Helfer",
            new RetentionRule("nach dem letzten Einsatz (keine aktive Rolle, kein laufender Einsatz, kein neuer Einsatznachweis)",
                RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null, RetentionAction.Delete, "§ 195 BGB (regelmäßige Verjährung)"),
            [typeof(Volunteer), typeof(MatchCandidate)]),
        new(CertificateKind, "Schulungs- und Qualifikationsnachweis", Volunteers,
            "Schulung, Ausstellungs- und Ablaufdatum, hochgeladene Datei (z. B. Erste-Hilfe-Bescheinigung), Erinnerungen vor dem Ablauf",
            "Nachweis, dass eine Rolle nur mit gültiger Schulung ausgeübt wird", "Art. 6 Abs. 1 lit. b und c DSGVO",
            "Koordination", new RetentionRule("nach Ablauf des Nachweises (und mit dem Profil)",
                RetentionDuration.OfYears(1), RetentionDuration.OfDays(0), null, RetentionAction.Delete, null),
            [typeof(Certificate), typeof(ExpiryWarning)]),
        new(Training, "Teilnahme an Schulungsterminen", Volunteers, "Buchung, Warteliste und Teilnahme an einem Termin",
            "Organisation der Schulungen", Agreement, "Koordination",
            new RetentionRule("nach dem Schulungstermin", RetentionDuration.OfYears(1), RetentionDuration.OfDays(0), null, RetentionAction.Delete, null),
            [typeof(TrainingSession)]),
        new(HelpRequestKind, "Anfrage nach Nachbarschaftshilfe", Residents,
            "Straße und Hausnummer, Beschreibung der Hilfe, bevorzugte Zeiten, vorgeschlagene Helferinnen und Helfer",
            "Vermittlung einer Helferin oder eines Helfers aus der Nachbarschaft",
            "Art. 6 Abs. 1 lit. a, Art. 9 Abs. 2 lit. a DSGVO (Einwilligung der Bewohnerin oder des Bewohners)",
            "vorgeschlagene Ehrenamtliche sehen Straße, Hausnummer und Aufgabe",
            new RetentionRule("nach Rücknahme der Anfrage oder Abschluss des Falls", RetentionDuration.OfYears(3), RetentionDuration.OfDays(0), null,
                RetentionAction.Anonymise, null),
            [typeof(HelpRequest)]),
        new(AssignmentKind, "Einsatz bei einer Bewohnerin oder einem Bewohner", Volunteers + "; " + Residents,
            "Anschrift der Bewohnerin oder des Bewohners (Straße, Hausnummer), Aufgabe, Stunden im Monat, Beginn und Ende, eingesetzte Person",
            "Durchführung und Abrechnung der Nachbarschaftshilfe", Agreement + "; für Bewohner Art. 9 Abs. 2 lit. a DSGVO (Einwilligung)",
            "die eingesetzte Person (Straße, Hausnummer, Aufgabe); Vergütung (Modell, Beginn und Ende)",
            new RetentionRule("nach Ende des Einsatzes", RetentionDuration.OfYears(3), RetentionDuration.OfDays(0), null, RetentionAction.Anonymise, null),
            [typeof(Assignment)]),
        new(VisitLog, "Einsatznachweis", Volunteers, "Datum, Dauer, Art, gefahrene Kilometer, Notiz, Rückfrage der Koordination",
            "Bestätigung geleisteter Einsätze als Grundlage der Aufwandsentschädigung und des Verwendungsnachweises", Agreement,
            "Koordination; Vergütung erhält Datum, Dauer, Kilometer (dort als Beleg aufbewahrt)",
            new RetentionRule("nach Ende des Kalenderjahres des Einsatzes", RetentionDuration.OfYears(3), RetentionDuration.OfYears(1), null,
                RetentionAction.Anonymise, null),
            [typeof(ActivityLog)]),
        new(ReadAudit, "Protokoll der Zugriffe auf Profile", Volunteers + "; Mitarbeitende, die lesen",
            "wer wann welches Profil gelesen hat", "Nachweis und Kontrolle der Zugriffe auf personenbezogene Daten",
            "Art. 5 Abs. 2, Art. 32 DSGVO", "Koordination",
            new RetentionRule("nach dem Zugriff", RetentionDuration.OfYears(2), RetentionDuration.OfYears(1), null, RetentionAction.Delete, null),
            [typeof(VolunteerReadAudit)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(RoleProfile), "Beschreibung einer Rolle (Aufgaben, Voraussetzungen, Vergütungsmodell)"),
        new(typeof(GuidanceFile), "Leitfaden zu einer Rolle, für alle Ehrenamtlichen dieser Rolle"),
        new(typeof(CourseType), "Schulungsart aus dem Katalog"),
    ];
}
