namespace QuartierPflege.Volunteers.Contracts;

/// <summary>
/// The demo neighbours of Döbeln-Nord who help in the demo cases, with the roles they are active in. Case Management's
/// demo data chooses them for its neighbour-help steps; the Volunteers module's demo data creates them with these ids
/// and roles and then the matching requests and assignments (fixed ids on both sides, so the two agree without a
/// message race while the demo is loaded). The first is the demo <c>Ehrenamt</c> login.
/// </summary>
public static class DemoHelpers
{
    public static IReadOnlyList<DemoHelper> All { get; } =
    [
        new(IdOf(0), "Gerda Schubert", ["besuchsdienst", "einkaufshilfe"]),
        new(IdOf(5), "Frank Zimmermann", ["besuchsdienst", "einkaufshilfe"]),
        new(IdOf(10), "Renate Fischer", ["besuchsdienst", "einkaufshilfe"]),
        new(IdOf(15), "Wolfgang Walter", ["besuchsdienst", "einkaufshilfe"]),
    ];

    /// <summary>
    /// The demo neighbours of Döbeln-Ost who visit the residents of <c>DemoLonelinessCases.Visited</c> (in that order) in
    /// the Besuchsdienst for the role's whole monthly limit: the Quartier-Lagebild's demo gap. Case Management's demo
    /// plan of those cases shows the help as running with them; the Volunteers module books the assignments.
    /// </summary>
    public static IReadOnlyList<DemoHelper> VisitorsOst { get; } =
    [
        new(IdOf(1), "Heinz Krause", ["besuchsdienst"]),
        new(IdOf(11), "Dieter Lange", ["besuchsdienst"]),
        new(IdOf(16), "Ursula Köhler", ["besuchsdienst"]),
        new(IdOf(26), "Heike Engel", ["besuchsdienst"]),
    ];

    /// <summary>The neighbour-help request of the <paramref name="index"/>-th Döbeln-Ost visit (Case Management's step, Volunteers' request).</summary>
    public static Guid VisitRequestIdOf(int index) => new($"d3e0e400-0000-4000-8000-{index + 1:000000000000}");

    /// <summary>The assignment the <paramref name="index"/>-th Döbeln-Ost visit runs as.</summary>
    public static Guid VisitAssignmentIdOf(int index) => new($"d3e0e300-0000-4000-8000-{index + 1:000000000000}");

    /// <summary>The id of the demo volunteer with this index (the Volunteers module's demo data uses the same).</summary>
    public static Guid IdOf(int index) => new($"d3e0c000-0000-4000-8000-{index + 1:000000000000}");

    /// <summary>The id of the assignment a demo neighbour-help request runs as (the request id with its first byte changed).</summary>
    public static Guid AssignmentIdOf(Guid requestId)
    {
        var bytes = requestId.ToByteArray();
        bytes[0] ^= 0x5a;
        return new Guid(bytes);
    }
}

public sealed record DemoHelper(Guid VolunteerId, string DisplayName, IReadOnlyList<string> RoleProfileKeys);
