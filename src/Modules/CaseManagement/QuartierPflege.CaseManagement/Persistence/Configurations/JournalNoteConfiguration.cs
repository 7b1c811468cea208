using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class JournalNoteConfiguration : IEntityTypeConfiguration<JournalNote>
{
    public void Configure(EntityTypeBuilder<JournalNote> note)
    {
        note.ToTable("journal_notes");
        note.Property(n => n.Text).HasMaxLength(4000);
        note.Property(n => n.WrittenByName).HasMaxLength(200);
        note.Ignore(n => n.IsContact);
        note.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        note.HasIndex(n => new { n.CaseId, n.WrittenAt });
    }
}
