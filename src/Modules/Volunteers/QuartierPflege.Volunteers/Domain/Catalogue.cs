using Marten;

namespace QuartierPflege.Volunteers.Domain;

/// <summary>
/// The five role profiles and the course types the programme starts with. They live in code so that every database has
/// them without a seeding step; a role profile coordination edits is stored as a document and replaces the default.
/// </summary>
internal static class Catalogue
{
    public const string ErsteHilfe = "erste-hilfe";
    public const string Basiskurs = "basiskurs-nachbarschaftshilfe";
    public const string Demenz = "demenz-grundkurs";
    public const string Fuehrungszeugnis = "fuehrungszeugnis";

    public static IReadOnlyList<CourseType> Courses { get; } =
    [
        new() { Id = ErsteHilfe, Name = "Erste Hilfe", ValidityMonths = 24 },
        new() { Id = Basiskurs, Name = "Basiskurs Nachbarschaftshilfe", ValidityMonths = 36 },
        new() { Id = Demenz, Name = "Demenz-Grundkurs", ValidityMonths = null },
        new() { Id = Fuehrungszeugnis, Name = "Erweitertes Führungszeugnis", ValidityMonths = 60, ExternalOnly = true },
    ];

    public static CourseType? Course(string key) => Courses.FirstOrDefault(c => c.Id == key);

    public static string CourseName(string key) => Course(key)?.Name ?? key;

    public static IReadOnlyList<RoleProfile> DefaultRoles() =>
    [
        new()
        {
            Id = "alltagsbegleitung", Name = "Alltagsbegleiter:in",
            Description = "Begleitet ältere Menschen im Alltag: Gespräche, Spaziergänge, Arztbesuche, Behördengänge.",
            Tasks = "Gespräche führen; zu Terminen begleiten; gemeinsam spazieren gehen; bei Alltagsfragen unterstützen.",
            Guidance = "Sie helfen, ohne zu pflegen: keine Körperpflege, keine Medikamente. Bei Sorgen melden Sie sich bei der Koordination.",
            Requirements = [ErsteHilfe, Fuehrungszeugnis], CompensationModelKey = "aufwandspauschale", MaxHoursPerMonth = 32, MaxPeoplePerHelper = 3,
        },
        new()
        {
            Id = "nachbarschaftshilfe", Name = "Nachbarschaftshelfer:in (§45a SGB XI)",
            Description = "Unterstützt Pflegebedürftige in der Nachbarschaft; abrechenbar über den Entlastungsbetrag.",
            Tasks = "Hilfe im Haushalt; Einkäufe; Begleitung; Betreuung stundenweise.",
            Guidance = "Höchstens 40 Stunden im Monat; nicht für Verwandte bis zum 2. Grad oder Personen im eigenen Haushalt.",
            Requirements = [Basiskurs], CompensationModelKey = "stundensatz", MaxHoursPerMonth = 40, MaxPeoplePerHelper = 2, Section45a = true,
        },
        new()
        {
            Id = "besuchsdienst", Name = "Besuchsdienst",
            Description = "Besucht Menschen, die allein leben, regelmäßig zu Hause.",
            Tasks = "Besuchen; zuhören; vorlesen; gemeinsam spielen.",
            Guidance = "Vereinbaren Sie feste Zeiten; sagen Sie ab, wenn Sie verhindert sind.",
            Requirements = [], CompensationModelKey = "unentgeltlich", MaxHoursPerMonth = 20, MaxPeoplePerHelper = 4,
        },
        new()
        {
            Id = "einkaufshilfe", Name = "Einkaufshilfe",
            Description = "Kauft für Menschen ein, die nicht mehr selbst gehen können.",
            Tasks = "Einkaufsliste besprechen; einkaufen; Quittung und Wechselgeld übergeben.",
            Guidance = "Lassen Sie sich das Geld vorher geben und geben Sie Quittung und Wechselgeld zurück.",
            Requirements = [], CompensationModelKey = "fahrtkosten", MaxHoursPerMonth = 20, MaxPeoplePerHelper = 5,
        },
        new()
        {
            Id = "fahrdienst", Name = "Fahrdienst",
            Description = "Fährt Menschen zu Ärzten, Ämtern und Treffpunkten.",
            Tasks = "Abholen; fahren; beim Ein- und Aussteigen helfen; wieder nach Hause bringen.",
            Guidance = "Nur mit gültigem Führerschein und eigener Kfz-Haftpflicht.",
            Requirements = [ErsteHilfe], CompensationModelKey = "fahrtkosten", MaxHoursPerMonth = 30, MaxPeoplePerHelper = 6,
        },
    ];

    /// <summary>The role profiles by key: the stored ones, and the defaults for those never edited.</summary>
    public static async Task<IReadOnlyDictionary<string, RoleProfile>> RolesAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var stored = await session.Query<RoleProfile>().ToListAsync(cancellationToken);
        var roles = DefaultRoles().ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var role in stored)
        {
            roles[role.Id] = role;
        }

        return roles;
    }

    public static async Task<RoleProfile?> RoleAsync(IQuerySession session, string key, CancellationToken cancellationToken)
        => await session.LoadAsync<RoleProfile>(key, cancellationToken) ?? DefaultRoles().FirstOrDefault(r => r.Id == key);
}
