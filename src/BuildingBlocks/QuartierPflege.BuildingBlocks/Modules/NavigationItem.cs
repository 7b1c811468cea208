namespace QuartierPflege.BuildingBlocks.Modules;

/// <summary>
/// An entry of the main navigation, contributed by a module and shown to those who satisfy <paramref name="Policy"/>.
/// <paramref name="Title"/> is German; the layout localises it.
/// </summary>
public sealed record NavigationItem(string Title, string Path, string Policy, int Order);
