namespace QuartierPflege.CaseManagement.Domain.Planning;

/// <summary>
/// The checklists defined in code. A changed checklist is a new version (never edit a published one): stored visits
/// are read with the version they were recorded with.
/// </summary>
internal static class HomeVisitTemplates
{
    public static HomeVisitTemplate Hausbesuch2026V1 { get; } = new("hausbesuch-2026", 1, "Präventiver Hausbesuch 2026",
    [
        new("gesundheit", "Gesundheit", 3, ProblemKind.AgeOrIllnessLimitation,
        [
            new("gesundheit-zustand", "Wie schätzt die Person ihre Gesundheit ein? (0 = gut, 3 = schlecht)", AnswerType.Scale),
            new("gesundheit-arzt", "Hat die Person eine Hausärztin oder einen Hausarzt?", AnswerType.YesNo, HomeVisitAnswers.No, 2),
            new("gesundheit-schmerzen", "Bestehen anhaltende Schmerzen?", AnswerType.YesNo, HomeVisitAnswers.Yes),
        ]),
        new("mobilitaet", "Mobilität", 3, ProblemKind.AgeOrIllnessLimitation,
        [
            new("mobilitaet-wohnung", "Bewegung in der Wohnung (0 = ohne Mühe, 3 = kaum möglich)", AnswerType.Scale),
            new("mobilitaet-treppe", "Kann die Person Treppen ohne Hilfe steigen?", AnswerType.YesNo, HomeVisitAnswers.No, 2),
            new("mobilitaet-draussen", "Verlässt die Person die Wohnung mindestens einmal pro Woche?", AnswerType.YesNo, HomeVisitAnswers.No),
        ]),
        new("stuerze", "Stürze", 2, ProblemKind.AgeOrIllnessLimitation,
        [
            new("stuerze-letztes-jahr", "Ist die Person in den letzten 12 Monaten gestürzt?", AnswerType.YesNo, HomeVisitAnswers.Yes, 2),
            new("stuerze-angst", "Hat die Person Angst zu stürzen?", AnswerType.YesNo, HomeVisitAnswers.Yes),
        ]),
        new("ernaehrung", "Ernährung", 2, ProblemKind.DailyLiving,
        [
            new("ernaehrung-mahlzeiten", "Isst die Person regelmäßig warme Mahlzeiten?", AnswerType.YesNo, HomeVisitAnswers.No),
            new("ernaehrung-gewicht", "Ungewollter Gewichtsverlust in den letzten Monaten?", AnswerType.YesNo, HomeVisitAnswers.Yes, 2),
            new("ernaehrung-trinken", "Trinkmenge (0 = ausreichend, 3 = deutlich zu wenig)", AnswerType.Scale),
        ]),
        new("medikamente", "Medikamente", 2, ProblemKind.DailyLiving,
        [
            new("medikamente-anzahl", "Nimmt die Person fünf oder mehr Medikamente täglich?", AnswerType.YesNo, HomeVisitAnswers.Yes),
            new("medikamente-einnahme", "Kommt die Person mit der Einnahme zurecht?", AnswerType.YesNo, HomeVisitAnswers.No, 2),
        ]),
        new("kognition", "Gedächtnis und Orientierung", 2, ProblemKind.CareNeed,
        [
            new("kognition-vergesslich", "Vergesslichkeit im Alltag (0 = keine, 3 = ausgeprägt)", AnswerType.Scale),
            new("kognition-orientierung", "Ist die Person zeitlich und örtlich orientiert?", AnswerType.YesNo, HomeVisitAnswers.No, 2),
        ]),
        new("stimmung", "Stimmung", 2, ProblemKind.AgeOrIllnessLimitation,
        [
            new("stimmung-niedergeschlagen", "Fühlt sich die Person häufig niedergeschlagen? (0 = nie, 3 = fast immer)", AnswerType.Scale),
            new("stimmung-freude", "Hat die Person Freude an alltäglichen Dingen?", AnswerType.YesNo, HomeVisitAnswers.No),
        ]),
        new("soziale-kontakte", "Einsamkeit und soziale Kontakte", 2, ProblemKind.Loneliness,
        [
            new("soziale-kontakte-woche", "Hat die Person mindestens einmal pro Woche Kontakt zu anderen Menschen?", AnswerType.YesNo, HomeVisitAnswers.No, 2),
            new("soziale-kontakte-einsam", "Fühlt sich die Person einsam? (0 = nie, 3 = sehr oft)", AnswerType.Scale),
            new("soziale-kontakte-bezugsperson", "Wer ist die wichtigste Bezugsperson?", AnswerType.Text),
        ]),
        new("wohnsicherheit", "Sicherheit in der Wohnung", 2, ProblemKind.AgeOrIllnessLimitation,
        [
            new("wohnsicherheit-stolperfallen", "Gibt es Stolperfallen (Teppiche, Kabel, Schwellen)?", AnswerType.YesNo, HomeVisitAnswers.Yes),
            new("wohnsicherheit-bad", "Ist das Bad sicher nutzbar (Haltegriffe, ebenerdige Dusche)?", AnswerType.YesNo, HomeVisitAnswers.No),
            new("wohnsicherheit-zustand", "Zustand der Wohnung (0 = gepflegt, 3 = verwahrlost)", AnswerType.Scale),
        ]),
        new("hilfsmittel", "Hilfsmittel", 1, ProblemKind.AgeOrIllnessLimitation,
        [
            new("hilfsmittel-fehlen", "Fehlen benötigte Hilfsmittel (Rollator, Hörgerät, Hausnotruf)?", AnswerType.YesNo, HomeVisitAnswers.Yes),
            new("hilfsmittel-vorhanden", "Welche Hilfsmittel sind vorhanden?", AnswerType.Text),
        ]),
        new("leistungen", "Gesetzliche Leistungen (Pflegegrad, Entlastungsbetrag)", 1, ProblemKind.CareNeed,
        [
            new("leistungen-pflegegrad", "Ist ein Pflegegrad beantragt oder vorhanden?", AnswerType.YesNo, HomeVisitAnswers.No),
            new("leistungen-entlastungsbetrag", "Wird der Entlastungsbetrag (131 € monatlich) genutzt?", AnswerType.YesNo, HomeVisitAnswers.No),
        ]),
    ]);

    public static HomeVisitTemplate Current => Hausbesuch2026V1;

    public static IReadOnlyList<HomeVisitTemplate> All { get; } = [Hausbesuch2026V1];

    public static HomeVisitTemplate? Find(string? key, int? version)
        => All.FirstOrDefault(t => t.Key == key && t.Version == version);
}
