using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>
/// A step of a demo plan. <paramref name="Owner"/> null means the case manager; referrals go to a partner of
/// <paramref name="Category"/> (looked up in the partner directory), neighbour help asks for <paramref name="RoleProfile"/>.
/// </summary>
internal sealed record DemoStep(
    StepKind Kind,
    string Title,
    string? Owner = null,
    string? Category = null,
    string? Summary = null,
    string? RoleProfile = null,
    int Hours = 0,
    string? PreferredTimes = null,
    bool Milestone = false);

/// <summary>
/// A problem situation as the demo shows it: what was found, the ways considered, the one chosen with the resident and
/// why (<paramref name="Chosen"/> −1: not decided yet), the steps, and what a closed case says about it.
/// "{Name}" in the texts becomes "Frau Müller" / "Herr Schmidt".
/// </summary>
internal sealed record DemoProblem(
    ProblemKind Kind,
    string Description,
    string[] Alternatives,
    int Chosen,
    string? Reason,
    string? Domain,
    string ResolvedNote,
    string ImprovedNote,
    string FollowUp,
    DemoStep[] Steps,
    string? OtherText = null);

/// <summary>The content of the demo plans: realistic problem situations of a Quartier in Döbeln (invented people).</summary>
internal static class DemoPlans
{
    private const string Genossenschaft = "Wohnungsgenossenschaft";

    public static DemoProblem MietschuldenSchuldnerberatung { get; } = new(
        ProblemKind.RentArrears,
        "Mietrückstand von rund 1.150 € (drei Monatsmieten) bei der Wohnungsgenossenschaft; Mahnungen lagen ungeöffnet im Flur. "
        + "Daneben offene Forderungen des Stromversorgers und eines Versandhändlers. {Name} hat große Angst vor der Kündigung.",
        [
            "Schuldnerberatung: Haushaltsplan, Prüfung von Wohngeld und Grundsicherung im Alter",
            "Ratenzahlung direkt mit der Wohnungsgenossenschaft vereinbaren",
            "Übernahme der Mietschulden beim Sozialamt beantragen (§ 36 SGB XII)",
        ],
        0,
        "Es gibt mehrere Gläubiger; {Name} möchte einen Gesamtüberblick und keine neue Ratenverpflichtung eingehen, bevor die "
        + "Einnahmen geprüft sind. Die Genossenschaft hält die Kündigung zurück, solange die Beratung läuft.",
        null,
        "Wohngeld bewilligt, Rückstand über einen Ratenplan der Schuldnerberatung getilgt; keine neuen Mahnungen.",
        "Wohngeld bewilligt und Rückstand halbiert; die Restforderung des Stromversorgers ist noch offen.",
        "Schuldnerberatung: Ergebnis des Erstgesprächs erfragen",
        [
            new(StepKind.Referral, "Erstgespräch bei der Schuldnerberatung", Category: ServiceCategories.Schuldnerberatung,
                Summary: "Ältere Mieterin/älterer Mieter im Quartier Döbeln-Nord mit Mietrückstand (ca. 1.150 €) und weiteren Forderungen. "
                    + "Bitte um Erstgespräch mit Haushaltsplan; Hausbesuch wäre hilfreich (3. OG, kein Aufzug)."),
            new(StepKind.InternalAction, "Wohngeldantrag gemeinsam ausfüllen und einreichen"),
            new(StepKind.InternalAction, "Mahnungen und Kontoauszüge sortieren (Ordner anlegen)", Owner: "Bewohner:in mit Fallmanagement"),
            new(StepKind.Referral, "Genossenschaft über die laufende Beratung informieren", Category: ServiceCategories.Wohnungsgenossenschaft,
                Summary: "Mieterin/Mieter ist in Beratung bei der Schuldnerberatung. Bitte um Aufschub weiterer Schritte bis zur Ratenplanung."),
        ]);

    public static DemoProblem MietschuldenRatenzahlung { get; } = new(
        ProblemKind.RentArrears,
        "Zwei Monatsmieten (ca. 760 €) im Rückstand, nachdem die Nebenkostennachzahlung die Rente eines Monats aufgebraucht hat. "
        + "Die Genossenschaft hat eine Mahnung mit Kündigungsandrohung geschickt.",
        [
            "Schuldnerberatung: Haushaltsplan und Prüfung von Sozialleistungen",
            "Ratenzahlung direkt mit der Wohnungsgenossenschaft vereinbaren",
        ],
        1,
        "Der Rückstand ist überschaubar und hat eine klare Ursache; die Rente reicht für 80 € zusätzlich im Monat. Die Genossenschaft ist "
        + "gesprächsbereit, {Name} möchte die Sache selbst regeln und keine Beratungsstelle aufsuchen.",
        null,
        "Ratenzahlung vereinbart und zehn Monate eingehalten; die Kündigungsandrohung ist zurückgenommen.",
        "Ratenzahlung läuft, zwei Raten kamen verspätet; Dauerauftrag ist inzwischen eingerichtet.",
        "Eingang der ersten Rate bei der Genossenschaft prüfen",
        [
            new(StepKind.Referral, "Ratenzahlungsvereinbarung mit der Genossenschaft", Category: ServiceCategories.Wohnungsgenossenschaft,
                Summary: "Mietrückstand von zwei Monatsmieten nach hoher Nebenkostennachzahlung. Bewohner:in bittet um Ratenzahlung von 80 € monatlich."),
            new(StepKind.InternalAction, "Dauerauftrag für die Raten bei der Bank einrichten", Owner: "Bewohner:in mit Fallmanagement"),
            new(StepKind.InternalAction, "Anspruch auf Wohngeld prüfen"),
        ]);

    public static DemoProblem EinsamkeitBesuchsdienst { get; } = new(
        ProblemKind.Loneliness,
        "Seit dem Tod des Ehepartners vor zwei Jahren kaum noch Kontakte; {Name} verlässt die Wohnung nur zum Einkaufen. "
        + "Die Tochter wohnt in Leipzig und kommt einmal im Monat.",
        [
            "Besuchsdienst: eine Ehrenamtliche oder ein Ehrenamtlicher kommt einmal pro Woche nach Hause",
            "Seniorentreff der Volkssolidarität im Quartier (dienstags und donnerstags nachmittags)",
            "Telefonpatenschaft mit täglichem Anruf",
        ],
        0,
        "Wegen der Treppen (3. OG ohne Aufzug) traut sich {Name} nicht allein aus dem Haus und möchte erst jemanden kennenlernen, "
        + "bevor es in eine Gruppe geht. Der Seniorentreff bleibt ein späteres Ziel.",
        "soziale-kontakte",
        "Der Besuchsdienst kommt seit Monaten verlässlich; gemeinsam geht es inzwischen auch in den Seniorentreff.",
        "Besuchsdienst kommt alle zwei Wochen; {Name} wirkt deutlich zufriedener, wünscht sich aber mehr Kontakt.",
        "Nachfragen, ob der Besuchsdienst gefunden ist",
        [
            new(StepKind.NeighbourHelp, "Besuchsdienst einmal pro Woche", Owner: "Ehrenamtskoordination", RoleProfile: "besuchsdienst", Hours: 6,
                PreferredTimes: "Dienstag oder Mittwoch nachmittags",
                Summary: "Besuche zum Erzählen, Vorlesen, Spazierengehen in der Nähe. Ruhige, geduldige Person gewünscht; Katze im Haushalt."),
            new(StepKind.InternalAction, "Tochter wegen regelmäßiger Anrufe am Wochenende ansprechen"),
            new(StepKind.InternalAction, "Programm des Seniorentreffs mitbringen und besprechen"),
        ]);

    public static DemoProblem EinsamkeitSeniorentreff { get; } = new(
        ProblemKind.Loneliness,
        "{Name} lebt allein, die Kinder wohnen in Bayern. Erzählt beim Hausbesuch, dass oft tagelang niemand anruft; früher im Chor und im Kleingartenverein aktiv.",
        [
            "Besuchsdienst: regelmäßiger Besuch zu Hause",
            "Seniorentreff der Volkssolidarität im Quartier (dienstags und donnerstags nachmittags)",
            "Chor der Kirchgemeinde St. Nicolai",
        ],
        1,
        "{Name} ist gut zu Fuß und möchte „unter Leute“, nicht „betreut“ werden. Der Treff ist fünf Minuten entfernt; beim ersten Mal begleitet das Fallmanagement.",
        "soziale-kontakte",
        "Geht seit Monaten zweimal pro Woche in den Seniorentreff und hat dort eine feste Skatrunde.",
        "Besucht den Treff etwa einmal im Monat; der Kontakt zu einer Nachbarin aus der Runde hält.",
        "Nachfragen, wie der erste Nachmittag im Seniorentreff war",
        [
            new(StepKind.InternalAction, "Begleitung zum ersten Nachmittag im Seniorentreff"),
            new(StepKind.InternalAction, "Termine des Kirchenchors erfragen"),
        ]);

    public static DemoProblem Pflegegrad { get; } = new(
        ProblemKind.CareNeed,
        "{Name} braucht Hilfe beim Duschen und Anziehen; bisher hilft die Nachbarin ohne feste Absprache. Zunehmende Vergesslichkeit "
        + "(Herd angelassen). Ein Pflegegrad ist nicht beantragt.",
        [
            "Pflegegrad bei der Pflegekasse beantragen, Beratung durch den Pflegestützpunkt",
            "Ambulanten Pflegedienst privat beauftragen",
            "Angehörige übernehmen die Grundpflege, Entlastung über den Entlastungsbetrag",
        ],
        0,
        "Ohne Pflegegrad keine Leistungen der Pflegeversicherung. Der Pflegestützpunkt hilft beim Antrag und bereitet auf die "
        + "Begutachtung durch den Medizinischen Dienst vor; die Angehörigen können die Pflege auf Dauer nicht allein leisten.",
        "leistungen",
        "Pflegegrad 2 bewilligt; der Pflegedienst kommt morgens zur Grundpflege, der Entlastungsbetrag wird für die Haushaltshilfe genutzt.",
        "Pflegegrad 1 bewilligt; Widerspruch wurde nicht eingelegt, der Entlastungsbetrag wird genutzt.",
        "Bescheid der Pflegekasse nachfragen",
        [
            new(StepKind.Referral, "Beratung im Pflegestützpunkt und Antrag auf Pflegegrad", Category: ServiceCategories.Pflegestuetzpunkt,
                Summary: "Hochaltrige Person, lebt allein, braucht Hilfe bei Körperpflege und Ankleiden. Bitte um Beratung zum Antrag auf Pflegegrad, gern als Hausbesuch."),
            new(StepKind.InternalAction, "Pflegetagebuch mit den Angehörigen führen (zwei Wochen vor der Begutachtung)", Owner: "Angehörige mit Fallmanagement"),
            new(StepKind.InternalAction, "Begutachtung durch den Medizinischen Dienst (Fallmanagement ist dabei)", Milestone: true),
            new(StepKind.Referral, "Pflegedienst für die Grundpflege am Morgen", Category: ServiceCategories.Pflegedienst,
                Summary: "Unterstützung beim Duschen und Ankleiden, morgens zwischen 7 und 9 Uhr, zunächst dreimal pro Woche."),
        ]);

    public static DemoProblem Sturz { get; } = new(
        ProblemKind.AgeOrIllnessLimitation,
        "Nach einem Sturz im Bad im Frühjahr unsicher beim Gehen; {Name} traut sich kaum noch in die Badewanne. Kein Hausnotruf, lose Teppiche im Flur.",
        [
            "Wohnraumanpassung: Haltegriffe, Duschhocker, Umbau der Wanne (Zuschuss der Pflegekasse bis 4.180 €)",
            "Hausnotruf einrichten",
            "Umzug in eine barrierearme Wohnung der Genossenschaft",
        ],
        0,
        "{Name} möchte unbedingt in der Wohnung bleiben, ein Umzug kommt nicht in Frage. Haltegriffe sind schnell angebracht; "
        + "der Hausnotruf kommt zusätzlich, weil die Tochter oft verreist ist.",
        "stuerze",
        "Haltegriffe und Duschhocker sind da, der Hausnotruf ist eingerichtet; seither kein Sturz mehr.",
        "Haltegriffe angebracht; der Wannenumbau wartet noch auf die Genehmigung der Genossenschaft.",
        "Fragen, ob der Hausnotruf installiert ist",
        [
            new(StepKind.InternalAction, "Stolperfallen beseitigen (Teppiche im Flur, Kabel)", Owner: "Angehörige"),
            new(StepKind.Referral, "Verordnung Rollator und Sturzprophylaxe besprechen", Category: ServiceCategories.Hausarzt,
                Summary: "Sturz im Bad vor einigen Monaten, seither Gangunsicherheit. Bitte um Termin zur Hilfsmittelverordnung (Rollator)."),
            new(StepKind.Referral, "Haltegriffe im Bad durch den Hausmeisterservice", Category: ServiceCategories.Wohnungsgenossenschaft,
                Summary: "Mieter:in bittet um Anbringen von zwei Haltegriffen an Wanne und WC; Zuschuss der Pflegekasse wird beantragt."),
            new(StepKind.InternalAction, "Hausnotruf beim Anbieter bestellen"),
        ]);

    public static DemoProblem Alltag { get; } = new(
        ProblemKind.DailyLiving,
        "Einkaufen und Wäsche fallen zunehmend schwer; beim Besuch war der Kühlschrank fast leer. Medikamente werden unregelmäßig genommen.",
        [
            "Haushaltshilfe über den Entlastungsbetrag",
            "Einkaufshilfe aus der Nachbarschaft",
            "Essen auf Rädern",
        ],
        0,
        "Die Haushaltshilfe übernimmt Wäsche und Putzen; für den Wocheneinkauf wünscht sich {Name} jemanden aus der Nachbarschaft, "
        + "um weiter selbst auszuwählen. Essen auf Rädern lehnt {Name} ab (\"schmeckt nicht\").",
        "ernaehrung",
        "Haushaltshilfe kommt alle zwei Wochen, der Einkauf ist geregelt; Medikamente werden mit der Wochendosette zuverlässig genommen.",
        "Haushaltshilfe kommt; der Einkauf klappt mit Unterstützung der Nachbarin, aber nicht jede Woche.",
        "Haushaltshilfe: Rückmeldung nach vier Wochen einholen",
        [
            new(StepKind.Referral, "Haushaltshilfe alle zwei Wochen (Entlastungsbetrag)", Category: ServiceCategories.Haushaltshilfe,
                Summary: "Unterstützung bei Wäsche und Wohnungsreinigung alle zwei Wochen, Abrechnung über den Entlastungsbetrag."),
            new(StepKind.NeighbourHelp, "Einkaufshilfe einmal pro Woche", Owner: "Ehrenamtskoordination", RoleProfile: "einkaufshilfe", Hours: 4,
                PreferredTimes: "Freitag vormittags",
                Summary: "Gemeinsamer Wocheneinkauf im Supermarkt an der Mastener Straße; schwere Getränke tragen."),
            new(StepKind.InternalAction, "Wochendosette mit der Hausarztpraxis besprechen"),
        ]);

    public static DemoProblem Verwahrlosung { get; } = new(
        ProblemKind.Neglect,
        "Wohnung stark vermüllt, Geruch im Treppenhaus; die Nachbarn haben sich bei der Genossenschaft beschwert. {Name} lehnt Hilfe zunächst ab, "
        + "lässt das Fallmanagement aber beim zweiten Besuch herein.",
        [
            "Behutsamer Vertrauensaufbau, Entrümpelung Raum für Raum mit Unterstützung",
            "Sozialpsychiatrischen Dienst einbeziehen",
            "Einrichtung einer rechtlichen Betreuung anregen",
        ],
        0,
        "{Name} ist zugänglich, wenn kein Druck entsteht; eine Betreuung lehnt {Name} ab, die Voraussetzungen liegen derzeit nicht vor. "
        + "Die Genossenschaft gibt Zeit, wenn sichtbar etwas geschieht.",
        "wohnsicherheit",
        "Küche und Bad sind wieder nutzbar, die Beschwerden der Nachbarn haben aufgehört; die Haushaltshilfe kommt weiter.",
        "Küche ist geräumt, zwei Zimmer noch voll; {Name} lässt die Haushaltshilfe regelmäßig herein.",
        "Zustand der Küche beim nächsten Besuch ansehen",
        [
            new(StepKind.InternalAction, "Wöchentlicher Kurzbesuch zum Vertrauensaufbau"),
            new(StepKind.Referral, "Grundreinigung von Küche und Bad", Category: ServiceCategories.Haushaltshilfe,
                Summary: "Grundreinigung von Küche und Bad in einer stark vermüllten Wohnung, danach Reinigung alle zwei Wochen. Bewohner:in ist einverstanden."),
            new(StepKind.Referral, "Absprache mit der Genossenschaft: Frist statt Abmahnung", Category: ServiceCategories.Wohnungsgenossenschaft,
                Summary: "Mieter:in nimmt Hilfe an, die Wohnung wird schrittweise geräumt. Bitte um Frist von drei Monaten statt Abmahnung."),
        ]);

    public static DemoProblem Nachbarschaftskonflikt { get; } = new(
        ProblemKind.NeighbourConflict,
        "Dauerstreit mit dem Nachbarn unter der Wohnung wegen des lauten Fernsehers am Abend; gegenseitige Beschwerden bei der Genossenschaft, "
        + "{Name} fühlt sich im eigenen Haus nicht mehr wohl.",
        [
            "Vermittlungsgespräch in der Hausverwaltung der Genossenschaft",
            "Schlichtung durch eine Beratungsstelle",
            "Hörvermögen prüfen lassen und Funkkopfhörer für den Fernseher",
        ],
        2,
        "Der laute Fernseher liegt an der Schwerhörigkeit; mit Hörgerät und Funkkopfhörer ist die Ursache am schnellsten behoben. "
        + "Ein Gespräch mit dem Nachbarn folgt, wenn es leiser geworden ist.",
        null,
        "Mit Funkkopfhörer keine Beschwerden mehr; das Gespräch in der Hausverwaltung hat die Lage beruhigt.",
        "Beschwerden seltener; das Verhältnis zum Nachbarn bleibt angespannt.",
        "Genossenschaft fragen, ob es neue Beschwerden gibt",
        [
            new(StepKind.Referral, "Überweisung zur HNO-Praxis, Hörgeräteversorgung", Category: ServiceCategories.Hausarzt,
                Summary: "Deutliche Schwerhörigkeit im Alltag, bisher kein Hörgerät. Bitte um Überweisung zur HNO-Praxis."),
            new(StepKind.InternalAction, "Funkkopfhörer für den Fernseher besorgen", Owner: "Sohn"),
            new(StepKind.Referral, "Gespräch mit dem Nachbarn in der Hausverwaltung", Category: ServiceCategories.Wohnungsgenossenschaft,
                Summary: "Nachbarschaftsstreit wegen Lärm; Ursache wird behoben. Bitte um ein moderiertes Gespräch mit beiden Parteien."),
        ]);

    public static DemoProblem Schriftverkehr { get; } = new(
        ProblemKind.Other,
        "Schreiben der Rentenversicherung und der Krankenkasse bleiben liegen, weil {Name} sie nicht versteht; eine Frist zur "
        + "Mitwirkung wäre beinahe verstrichen. Die Tochter würde helfen, hat aber keine Vollmacht.",
        [
            "Regelmäßige Hilfe beim Schriftverkehr durch das Fallmanagement",
            "Vorsorgevollmacht für die Tochter",
            "Rechtliche Betreuung anregen",
        ],
        1,
        "{Name} wünscht ausdrücklich, dass die Tochter hilft; mit einer Vorsorgevollmacht ist keine Betreuung nötig und die Tochter kann auch mit Ämtern sprechen.",
        null,
        "Vorsorgevollmacht ist bei der Betreuungsbehörde beglaubigt; die Tochter erledigt den Schriftverkehr.",
        "Vollmacht für Bankgeschäfte erteilt; für Behördenpost hilft weiterhin das Fallmanagement.",
        "Vollmacht unterschrieben? Kopie für die Akte erbitten",
        [
            new(StepKind.Referral, "Betreuungsbehörde: Beratung und Beglaubigung der Vorsorgevollmacht", Category: ServiceCategories.Sozialamt,
                Summary: "Bitte um Weiterleitung an die Betreuungsbehörde: Beratung zur Vorsorgevollmacht für die Tochter und Termin zur Beglaubigung, "
                    + "gemeinsam mit der Tochter."),
            new(StepKind.InternalAction, "Formular Vorsorgevollmacht (BMJ) gemeinsam durchgehen", Owner: "Tochter mit Fallmanagement"),
        ],
        OtherText: "Schriftverkehr mit Behörden");

    /// <summary>A problem still being worked out: the ways are written down, the choice with the resident is still open.</summary>
    public static DemoProblem SchriftverkehrOffen { get; } = Schriftverkehr with
    {
        Chosen = -1,
        Reason = null,
        Steps = [],
    };

    /// <summary>Which problems each of the 25 demo cases has (by case index; Open cases have none yet).</summary>
    public static IReadOnlyList<DemoProblem[]> ByCase { get; } =
    [
        [],
        [MietschuldenSchuldnerberatung, EinsamkeitSeniorentreff],
        [Pflegegrad, Sturz],
        [Pflegegrad],
        [MietschuldenRatenzahlung],
        [],
        [EinsamkeitBesuchsdienst, Alltag],
        [Verwahrlosung],
        [Nachbarschaftskonflikt],
        [Pflegegrad, EinsamkeitSeniorentreff],
        [],
        [Alltag, Schriftverkehr],
        [Pflegegrad, EinsamkeitBesuchsdienst],
        [Sturz],
        [Alltag, Sturz],
        [],
        [MietschuldenRatenzahlung, Sturz],
        [Nachbarschaftskonflikt],
        [EinsamkeitSeniorentreff],
        [Verwahrlosung],
        [],
        [Alltag, Pflegegrad],
        [Sturz, SchriftverkehrOffen],
        [MietschuldenSchuldnerberatung],
        [Schriftverkehr, Pflegegrad],
    ];

    /// <summary>Why an Open case was opened (its first journal note).</summary>
    public static string[] OpenIntakes { get; } =
    [
        "Anruf der Tochter: {Name} kommt seit dem Krankenhausaufenthalt allein nicht mehr zurecht. Erstgespräch am Telefon, Hausbesuch wird vereinbart.",
        "Hinweis der Nachbarin im Quartiersbüro: {Name} wirkt abgemagert und geht kaum noch vor die Tür. Kurzes Gespräch an der Wohnungstür, {Name} ist mit einem Besuch einverstanden.",
        "{Name} kam selbst in die Sprechstunde im Quartiersbüro: Fragen zum Pflegegrad und zu Hilfe im Haushalt.",
        "Hausarztpraxis Dr. Weber bittet um Kontakt (mit Einverständnis von {Name}): zunehmende Vergesslichkeit, lebt allein.",
        "Die Wohnungsgenossenschaft meldet (mit Einverständnis von {Name}) wiederholte Wasserschäden durch vergessene Hähne. Telefonat mit {Name}, Besuch gewünscht.",
    ];

    /// <summary>Short contact notes for the last contact of a case.</summary>
    public static string[] Contacts { get; } =
    [
        "Telefonat mit {Name}: geht gut, die vereinbarten Schritte laufen. Nächster Anruf in zwei Wochen.",
        "Kurzbesuch: {Name} berichtet von einem guten Termin; Unterlagen für den Antrag mitgenommen.",
        "Telefonat mit der Tochter und {Name}: Rückfragen zum Bescheid geklärt.",
        "Begegnung im Quartierstreff, kurzes Gespräch mit {Name}: keine neuen Sorgen.",
        "Anruf von {Name}: Frage zur Rechnung des Pflegedienstes, am Telefon erklärt.",
        "Hausbesuch ohne Checkliste: Post gemeinsam durchgesehen, zwei Fristen notiert.",
    ];
}
