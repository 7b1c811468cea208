namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>The four roles of the programme; the names are German because staff see them in the UI.</summary>
public static class Roles
{
    /// <summary>Coordination: the programme's administrators.</summary>
    public const string Koordination = "Koordination";

    /// <summary>Case managers ("Sozialer Kümmerer").</summary>
    public const string Fallmanagement = "Fallmanagement";

    /// <summary>Finance staff who approve payouts.</summary>
    public const string Finanzen = "Finanzen";

    /// <summary>Neighbour volunteers.</summary>
    public const string Ehrenamt = "Ehrenamt";

    public static IReadOnlyList<string> All { get; } = [Koordination, Fallmanagement, Finanzen, Ehrenamt];
}
