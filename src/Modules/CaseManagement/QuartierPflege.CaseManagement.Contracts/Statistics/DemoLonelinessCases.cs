namespace QuartierPflege.CaseManagement.Contracts.Statistics;

/// <summary>
/// The demo cases of Döbeln-Ost whose residents are visited by the Quartier's demo neighbours (Besuchsdienst): Case
/// Management's demo data opens them with these ids, the Volunteers module's demo data books its neighbours' hours
/// on them. Together they make the Quartier-Lagebild's demo gap (loneliness rising, no free visiting hours).
/// </summary>
public static class DemoLonelinessCases
{
    public const string Quartier = "Döbeln-Ost";

    /// <summary>The id of the demo case with this index (0 to 9).</summary>
    public static Guid CaseIdOf(int index) => new($"d3e0e000-0000-4000-8000-{index + 1:000000000000}");

    /// <summary>The cases with a visiting assignment, with the street the visit goes to.</summary>
    public static IReadOnlyList<(Guid CaseId, string Street, string HouseNumber)> Visited { get; } =
    [
        (CaseIdOf(0), "Straße des Friedens", "12"),
        (CaseIdOf(1), "Rosa-Luxemburg-Straße", "7"),
        (CaseIdOf(2), "Straße des Friedens", "30"),
        (CaseIdOf(3), "Bäckerstraße", "4"),
    ];
}
