namespace QuartierPflege.Partners.Contracts;

/// <summary>What partners offer (Leistungsart): stable keys with their German names.</summary>
public static class ServiceCategories
{
    public const string Pflegedienst = "pflegedienst";
    public const string Hausarzt = "hausarzt";
    public const string Facharzt = "facharzt";
    public const string Haushaltshilfe = "haushaltshilfe";
    public const string Schuldnerberatung = "schuldnerberatung";
    public const string Sozialamt = "sozialamt";
    public const string Pflegestuetzpunkt = "pflegestuetzpunkt";
    public const string Beratungsstelle = "beratungsstelle";
    public const string Wohnungsgenossenschaft = "wohnungsgenossenschaft";
    public const string Verein = "verein";
    public const string Apotheke = "apotheke";
    public const string Fahrdienst = "fahrdienst";
    public const string Tagespflege = "tagespflege";
    public const string Besuchsdienst = "besuchsdienst";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [Pflegedienst] = "Pflegedienst",
        [Hausarzt] = "Hausärztliche Praxis",
        [Facharzt] = "Fachärztliche Praxis",
        [Haushaltshilfe] = "Haushaltshilfe",
        [Schuldnerberatung] = "Schuldnerberatung",
        [Sozialamt] = "Sozialamt",
        [Pflegestuetzpunkt] = "Pflegestützpunkt",
        [Beratungsstelle] = "Beratungsstelle",
        [Wohnungsgenossenschaft] = "Wohnungsgenossenschaft",
        [Verein] = "Verein",
        [Apotheke] = "Apotheke",
        [Fahrdienst] = "Fahrdienst",
        [Tagespflege] = "Tagespflege",
        [Besuchsdienst] = "Besuchsdienst",
    };

    public static bool IsKnown(string key) => Names.ContainsKey(key);

    /// <summary>The German name, or the key itself for a category this version does not know.</summary>
    public static string NameOf(string key) => Names.GetValueOrDefault(key, key);
}
