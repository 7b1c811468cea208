using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.ToTable("cases");
        @case.Property(c => c.Number).HasMaxLength(20);
        @case.HasIndex(c => c.Number).IsUnique();
        @case.Property(c => c.CaseManagerName).HasMaxLength(200);
        @case.Property(c => c.DeputyName).HasMaxLength(200);
        @case.Property(c => c.Quartier).HasMaxLength(100);
        @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Version).IsRowVersion();
        @case.HasOne(c => c.Resident).WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        @case.Ignore(c => c.IsClosed);
        // The dashboard: my (or my deputy's) open cases, by status, Quartier and last contact.
        @case.HasIndex(c => new { c.CaseManagerId, c.Status });
        @case.HasIndex(c => new { c.DeputyId, c.Status });
        @case.HasIndex(c => new { c.Status, c.LastContactOn });
        @case.HasIndex(c => c.ResidentId);
    }
}
