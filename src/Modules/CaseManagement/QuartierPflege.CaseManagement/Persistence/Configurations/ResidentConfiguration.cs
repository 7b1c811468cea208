using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Persistence.Configurations;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> resident)
    {
        resident.ToTable("residents");
        resident.Property(r => r.FirstName).HasMaxLength(100);
        resident.Property(r => r.LastName).HasMaxLength(100);
        resident.Property(r => r.Street).HasMaxLength(150);
        resident.Property(r => r.HouseNumber).HasMaxLength(20);
        resident.Property(r => r.Flat).HasMaxLength(50);
        resident.Property(r => r.PostalCode).HasMaxLength(10);
        resident.Property(r => r.City).HasMaxLength(100);
        resident.Property(r => r.Quartier).HasMaxLength(100);
        resident.Property(r => r.Phone).HasMaxLength(50);
        resident.Property(r => r.TenancyNumber).HasMaxLength(50);
        resident.Property(r => r.CareLevel).HasConversion<string>().HasMaxLength(20);
        resident.Property(r => r.Version).IsRowVersion();
        resident.Property(r => r.SearchName)
            .HasComputedColumnSql("lower(last_name || ' ' || first_name)", stored: true)
            .HasMaxLength(201);
        // Substring search on names ("müll" finds "Müller") with a trigram index: fast on 100,000 residents.
        resident.HasIndex(r => r.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
        resident.HasIndex(r => r.Quartier);
        resident.Ignore(r => r.DisplayName);
        resident.Ignore(r => r.Address);
        resident.HasMany(r => r.Relatives).WithOne().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RelativeConfiguration : IEntityTypeConfiguration<Relative>
{
    public void Configure(EntityTypeBuilder<Relative> relative)
    {
        relative.ToTable("relatives");
        relative.Property(r => r.Name).HasMaxLength(200);
        relative.Property(r => r.Role).HasMaxLength(100);
        relative.Property(r => r.Phone).HasMaxLength(50);
    }
}
