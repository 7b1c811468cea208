using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Partners.Persistence;

internal sealed class PartnersDbContext(DbContextOptions<PartnersDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "partners";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(PartnersDbContext).Assembly);
}
