using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.ToTable("partners");
        partner.Property(p => p.Name).HasMaxLength(200);
        partner.Property(p => p.Phone).HasMaxLength(50);
        partner.Property(p => p.Email).HasMaxLength(200);
        partner.Property(p => p.Address).HasMaxLength(300);
        partner.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        partner.Property(p => p.Version).IsRowVersion();
        partner.HasIndex(p => p.ServiceCategories).HasMethod("gin");
        partner.HasIndex(p => p.Name).IsUnique();
    }
}
