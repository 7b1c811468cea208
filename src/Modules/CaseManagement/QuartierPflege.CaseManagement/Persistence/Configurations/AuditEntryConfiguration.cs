using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Auditing;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.UserName).HasMaxLength(200);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.RecordKind).HasMaxLength(50);
        entry.Property(e => e.Description).HasMaxLength(500);
        entry.HasIndex(e => new { e.CaseId, e.At });
        entry.HasIndex(e => new { e.ResidentId, e.At });
    }
}
