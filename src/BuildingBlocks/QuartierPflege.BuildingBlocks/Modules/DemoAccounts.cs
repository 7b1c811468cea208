using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.BuildingBlocks.Modules;

/// <summary>
/// The demo people, with fixed ids, so that each module's demo data can refer to them (a case owned by the demo case
/// manager) without knowing the sign-in store. Created only by <c>Host seed-demo</c>.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Quartier-Demo-2026";

    public static DemoAccount Koordination { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000001"), "koordination@demo.quartierpflege.de", "Katrin Lehmann", Roles.Koordination);

    public static DemoAccount Fallmanagement { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000002"), "fallmanagement@demo.quartierpflege.de", "Jens Richter", Roles.Fallmanagement);

    /// <summary>A second case manager: the deputy on the demo cases, and the owner of a few.</summary>
    public static DemoAccount Fallmanagement2 { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000005"), "fallmanagement2@demo.quartierpflege.de", "Anja Krüger", Roles.Fallmanagement);

    public static DemoAccount Finanzen { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000003"), "finanzen@demo.quartierpflege.de", "Sabine Hoffmann", Roles.Finanzen);

    /// <summary>A second finance person: approves the runs the first one prepared or changed (four eyes).</summary>
    public static DemoAccount Finanzen2 { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000006"), "finanzen2@demo.quartierpflege.de", "Thomas Wagner", Roles.Finanzen);

    public static DemoAccount Ehrenamt { get; } = new(Guid.Parse("d3e0a000-0000-4000-8000-000000000004"), "ehrenamt@demo.quartierpflege.de", "Gerda Schubert", Roles.Ehrenamt);

    public static IReadOnlyList<DemoAccount> All { get; } = [Koordination, Fallmanagement, Fallmanagement2, Finanzen, Finanzen2, Ehrenamt];
}

public sealed record DemoAccount(Guid Id, string Email, string DisplayName, string Role);
