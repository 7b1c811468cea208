using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Partners.Persistence;

internal sealed class PartnersDbContext(DbContextOptions<PartnersDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "partners";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(PartnersDbContext).Assembly);
}
