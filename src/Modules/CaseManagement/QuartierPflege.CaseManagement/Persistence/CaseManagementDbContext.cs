using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.CaseManagement.Persistence;

internal sealed class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "case_management";

    public override string Schema => SchemaName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseManagementDbContext).Assembly);
}
