namespace QuartierPflege.BuildingBlocks.Modules;

/// <summary>
/// The page a person lands on after signing in (when no other page was asked for), contributed by a module for those
/// who satisfy <paramref name="Policy"/>; the lowest <paramref name="Order"/> among those that apply wins, and without
/// any the overview of areas is the start.
/// </summary>
public sealed record StartPage(string Path, string Policy, int Order);
