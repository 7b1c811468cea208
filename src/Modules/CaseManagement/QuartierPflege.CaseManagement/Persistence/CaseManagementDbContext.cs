using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.CaseManagement.Persistence;

internal sealed class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "case_management";

    protected override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseManagementDbContext).Assembly);
}
