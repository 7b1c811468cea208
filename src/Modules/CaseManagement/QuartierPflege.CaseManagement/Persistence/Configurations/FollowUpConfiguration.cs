using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> followUp)
    {
        followUp.ToTable("follow_ups");
        followUp.Property(f => f.Title).HasMaxLength(200);
        followUp.Property(f => f.Note).HasMaxLength(2000);
        followUp.Property(f => f.CreatedByName).HasMaxLength(200);
        followUp.Property(f => f.DoneByName).HasMaxLength(200);
        followUp.Ignore(f => f.IsDone);
        followUp.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        followUp.HasIndex(f => new { f.CaseId, f.DueOn });
        // The daily digest and coordination's dashboard look for open reminders by date across all cases.
        followUp.HasIndex(f => f.DueOn).HasFilter("done_at IS NULL").HasDatabaseName("ix_follow_ups_open_due_on");
    }
}

internal sealed class FollowUpDigestConfiguration : IEntityTypeConfiguration<FollowUpDigest>
{
    public void Configure(EntityTypeBuilder<FollowUpDigest> digest)
    {
        digest.ToTable("follow_up_digests");
        digest.HasKey(d => new { d.OnDate, d.CaseManagerId });
    }
}
