using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence;

internal sealed class CaseManagementDbContext(DbContextOptions<CaseManagementDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "case_management";

    public override string Schema => SchemaName;

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<Relative> Relatives => Set<Relative>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Concern> Concerns => Set<Concern>();

    /// <summary>The next human-readable case number of the given year ("F-2026-0042").</summary>
    public async Task<string> NextCaseNumberAsync(int year, CancellationToken cancellationToken)
    {
        var next = await Database.SqlQueryRaw<long>($"SELECT nextval('{SchemaName}.case_number_seq') AS \"Value\"").SingleAsync(cancellationToken);
        return $"F-{year}-{next:0000}";
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>("case_number_seq");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CaseManagementDbContext).Assembly);
    }
}
