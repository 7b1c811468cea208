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
