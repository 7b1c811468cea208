namespace QuartierPflege.CaseManagement.Features.Demo;

/// <summary>Names and streets for the demo Quartier Döbeln-Nord (invented people, plausible for the generation).</summary>
internal static class DemoNames
{
    public static readonly string[] WomenFirstNames =
    [
        "Gertrud", "Helga", "Ingrid", "Ursula", "Erika", "Renate", "Brigitte", "Christa", "Gisela", "Hannelore",
        "Irmgard", "Margot", "Waltraud", "Elfriede", "Liselotte", "Edith", "Annemarie", "Rosemarie", "Sieglinde", "Dorothea",
    ];

    public static readonly string[] MenFirstNames =
    [
        "Heinz", "Günter", "Horst", "Werner", "Klaus", "Manfred", "Dieter", "Gerhard", "Helmut", "Siegfried",
        "Rudolf", "Joachim", "Wolfgang", "Lothar", "Eberhard", "Karl-Heinz", "Hans-Jürgen", "Rainer",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hofmann", "Hartmann",
        "Lange", "Werner", "Krause", "Meier", "Schulze", "Köhler", "Herrmann", "König", "Walter", "Kaiser",
        "Fuchs", "Peters", "Lang", "Seidel", "Vogel", "Friedrich", "Günther", "Böhme", "Pohl", "Ullrich",
    ];

    public static readonly string[] Streets =
    [
        "Clara-Zetkin-Straße", "Heinestraße", "Goethestraße", "Unnaer Straße", "Mastener Straße", "Sörmitzer Straße",
        "Körnerplatz", "Kleine Kirchgasse", "Fronstraße", "Am Holländer",
    ];

    public static readonly string[] RelativeRoles = ["Tochter", "Sohn", "Nichte", "Neffe", "Enkelin", "Nachbarin", "gesetzliche Betreuerin"];
}
