namespace QuartierPflege.Partners.Contracts;

/// <summary>What partners offer (Leistungsart): stable keys with their German names.</summary>
public static class ServiceCategories
{
    public const string Pflegedienst = "pflegedienst";
    public const string Hausarzt = "hausarzt";
    public const string Haushaltshilfe = "haushaltshilfe";
    public const string Schuldnerberatung = "schuldnerberatung";
    public const string Sozialamt = "sozialamt";
    public const string Pflegestuetzpunkt = "pflegestuetzpunkt";
    public const string Beratungsstelle = "beratungsstelle";
    public const string Wohnungsgenossenschaft = "wohnungsgenossenschaft";

    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        [Pflegedienst] = "Pflegedienst",
        [Hausarzt] = "Hausärztliche Praxis",
        [Haushaltshilfe] = "Haushaltshilfe",
        [Schuldnerberatung] = "Schuldnerberatung",
        [Sozialamt] = "Sozialamt",
        [Pflegestuetzpunkt] = "Pflegestützpunkt",
        [Beratungsstelle] = "Beratungsstelle",
        [Wohnungsgenossenschaft] = "Wohnungsgenossenschaft",
    };

    public static bool IsKnown(string key) => Names.ContainsKey(key);
}
