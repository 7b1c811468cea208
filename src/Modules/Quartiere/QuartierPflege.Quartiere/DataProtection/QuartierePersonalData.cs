using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Quartiere.Features.Surveys;
using QuartierPflege.Quartiere.List;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// What the Quartiersarbeit keeps about people: door-step answers, forum meetings, group contacts and activity helpers.
/// The list of Quartiere itself is about places.
/// </summary>
internal sealed class QuartierePersonalData : IPersonalDataRegister
{
    public const string ModuleName = "Quartiere";

    public const string SurveyAnswerKey = "quartiere.survey-answer";
    public const string ForumMeetingKey = "quartiere.forum-meeting";
    public const string GroupContactKey = "quartiere.group-contact";
    public const string ActivityHelperKey = "quartiere.activity-helper";

    public string Module => ModuleName;

    public IReadOnlyList<PersonalDataKind> Kinds { get; } =
    [
        new(SurveyAnswerKey, "Antworten der aktivierenden Befragung",
            "Befragte Bewohnerinnen und Bewohner (ohne Namen); Mitarbeitende und Ehrenamtliche, die Antworten erfasst oder den Fragebogen angelegt haben",
            "Antworten auf die Fragen, auch Freitexte, die Rückschlüsse auf Personen erlauben können; wer die Antwort erfasst hat und wann; Name der Person, die den Fragebogen angelegt hat",
            "Bedarfe und Anliegen im Quartier erheben und die Quartiersarbeit danach ausrichten",
            "Art. 6 Abs. 1 lit. e DSGVO (Aufgabe im öffentlichen Interesse: Quartiersarbeit), freiwillige Teilnahme",
            "Mitarbeitende von QuartierPflege (Koordination, Fallmanagement); Ergebnisse nur zusammengefasst",
            // Choices and scale values carry no name and make the results; only free texts and the recorder go.
            new RetentionRule("nach Ende der Befragung", RetentionDuration.OfYears(2), RetentionDuration.OfMonths(6), RetentionDuration.OfYears(5),
                RetentionAction.Anonymise, null),
            [typeof(SurveyAnswer), typeof(Survey)]),
        new(ForumMeetingKey, "Treffen des Stadtteilforums",
            "Bewohnerinnen und Bewohner, die teilgenommen haben (namentlich nur mit Einwilligung); Verantwortliche für Vereinbarungen",
            "Namen der Teilnehmenden, Protokoll, Namen der Verantwortlichen und wer eine Vereinbarung als erledigt markiert hat",
            "Beteiligung im Quartier: Absprachen des Forums festhalten und nachhalten",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung in die Nennung) und lit. e (Quartiersarbeit)",
            "Koordination, Fallmanagement",
            new RetentionRule("nach dem Treffen", RetentionDuration.OfYears(5), RetentionDuration.OfYears(1), null, RetentionAction.Anonymise, null),
            [typeof(ForumMeeting)]),
        new(GroupContactKey, "Kontaktpersonen der Bewohnergruppen",
            "Kontaktpersonen von Bewohnergruppen",
            "Name der Kontaktperson",
            "Menschen im Quartier an bestehende Gruppen vermitteln",
            "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung der Kontaktperson, genannt zu werden)",
            "Koordination, Fallmanagement",
            new RetentionRule("nach Ende der Gruppe", RetentionDuration.OfYears(1), RetentionDuration.OfDays(0), RetentionDuration.OfYears(3), RetentionAction.Delete, null),
            [typeof(ResidentGroup)]),
        new(ActivityHelperKey, "Mithelfende bei Angeboten im Quartier",
            "Ehrenamtliche",
            "Name und Kennung der Ehrenamtlichen, die bei einem Angebot mithelfen, und seit wann",
            "Angebote im Quartier mit Ehrenamtlichen besetzen",
            "Art. 6 Abs. 1 lit. b DSGVO (Ehrenamtsvereinbarung)",
            "Koordination (Namen); Fallmanagement und Ehrenamtliche sehen nur die Anzahl",
            // A helper who withdraws leaves the list at once, so nothing outlives the signing-up; see docs/decisions.md.
            new RetentionRule("nach Ende der Mithilfe (Austragen) oder mit der Löschung der Ehrenamtlichen", RetentionDuration.OfDays(0), RetentionDuration.OfDays(0),
                RetentionDuration.OfYears(1), RetentionAction.Delete, null),
            [typeof(Activity)]),
    ];

    public IReadOnlyList<StoredTypeWithoutPersonalData> WithoutPersonalData { get; } =
    [
        new(typeof(Quartier), "Name eines Quartiers, seine Nachbarquartiere und ob es aktiv ist: Angaben über Orte, nicht über Menschen"),
    ];
}
