namespace QuartierPflege.BuildingBlocks.Modules;

/// <summary>
/// Loads a module's demo data. Runs only for <c>Host seed-demo</c> (never in production start-up) and must be
/// idempotent: running it twice leaves the same data.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Seeders run in ascending order (users first, so modules can refer to them).</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
