using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> consent)
    {
        consent.ToTable("consents");
        consent.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(30);
        consent.Property(c => c.Form).HasConversion<string>().HasMaxLength(30);
        consent.Property(c => c.PartnerName).HasMaxLength(200);
        consent.Property(c => c.ServiceCategory).HasMaxLength(50);
        consent.Property(c => c.WitnessName).HasMaxLength(200);
        consent.Property(c => c.RecordedByName).HasMaxLength(200);
        consent.Property(c => c.WithdrawnByName).HasMaxLength(200);
        consent.Ignore(c => c.IsActive);
        consent.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
        consent.HasIndex(c => new { c.ResidentId, c.Purpose });
    }
}

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> concern)
    {
        concern.ToTable("concerns");
        concern.Property(c => c.ResidentName).HasMaxLength(200);
        concern.Property(c => c.ResidentAddress).HasMaxLength(300);
        concern.Property(c => c.Description).HasMaxLength(4000);
        concern.Property(c => c.ReportedByName).HasMaxLength(200);
        concern.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        concern.Property(c => c.DismissalReason).HasMaxLength(1000);
        concern.Property(c => c.TriagedByName).HasMaxLength(200);
        concern.Property(c => c.Version).IsRowVersion();
        concern.Ignore(c => c.IsOpen);
        // The triage queue: open concerns, oldest first.
        concern.HasIndex(c => new { c.Status, c.ReportedAt });
        concern.HasIndex(c => c.CaseId);
    }
}
