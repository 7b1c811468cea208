using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Volunteers.Persistence;

internal sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "volunteers";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
}
