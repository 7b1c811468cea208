using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Messaging;

namespace QuartierPflege.BuildingBlocks.Persistence;

/// <summary>
/// Base of every module's DbContext: its own schema, the shared type conventions, and the module's outbox and inbox.
/// Keeps each module's tables (and its migrations history) apart so that no module can reach into another's data.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, IClock clock) : DbContext(options)
{
    public abstract string Schema { get; }

    public IClock Clock { get; } = clock;

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.ApplyQuartierPflegeConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.AddOutboxAndInbox();
        ConfigureModel(modelBuilder);
        modelBuilder.ApplySnakeCaseNames();
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
