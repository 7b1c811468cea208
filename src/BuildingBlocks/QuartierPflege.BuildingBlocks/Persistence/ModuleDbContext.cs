using Microsoft.EntityFrameworkCore;

namespace QuartierPflege.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, the shared type conventions. Keeps each module's tables (and its
/// migrations history) apart so that no module can reach into another's data.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    protected abstract string Schema { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.ApplyQuartierPflegeConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureModel(modelBuilder);
        modelBuilder.ApplySnakeCaseNames();
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
