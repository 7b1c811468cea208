using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Compensation.Persistence;

internal sealed class CompensationDbContext(DbContextOptions<CompensationDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "compensation";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(CompensationDbContext).Assembly);
}
