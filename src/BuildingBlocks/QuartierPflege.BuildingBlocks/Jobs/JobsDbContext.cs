using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.BuildingBlocks.Jobs;

/// <summary>
/// Owns the schema <c>quartz</c>: its migrations create the schema (Quartz's own tables are then provisioned by
/// Quartz at start-up) and the small table of last runs the admin page shows.
/// </summary>
internal sealed class JobsDbContext(DbContextOptions<JobsDbContext> options) : DbContext(options)
{
    public const string SchemaName = "quartz";

    public DbSet<JobRun> Runs => Set<JobRun>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.ApplyQuartierPflegeConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(SchemaName);
        modelBuilder.Entity<JobRun>(run =>
        {
            run.ToTable("job_runs");
            run.HasKey(r => r.JobKey);
            run.Property(r => r.JobKey).HasMaxLength(200);
        });
        modelBuilder.ApplySnakeCaseNames();
    }
}

internal sealed class JobRun
{
    public required string JobKey { get; init; }

    public Instant LastRunAt { get; init; }
}
