using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Volunteers.Persistence;

internal sealed class VolunteersDbContext(DbContextOptions<VolunteersDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "volunteers";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteersDbContext).Assembly);
}
