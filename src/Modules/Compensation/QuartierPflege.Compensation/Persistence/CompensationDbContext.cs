using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Compensation.Persistence;

internal sealed class CompensationDbContext(DbContextOptions<CompensationDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "compensation";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(CompensationDbContext).Assembly);
}
