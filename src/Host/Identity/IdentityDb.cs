using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity;

internal sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public const string SchemaName = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // The four roles are part of the product, not data: they come with the schema, with fixed ids.
    private static readonly IdentityRole<Guid>[] FixedRoles =
    [
        Role("0f6c1a3e-4b7d-4d0e-9a51-000000000001", BuildingBlocks.Security.Roles.Koordination),
        Role("0f6c1a3e-4b7d-4d0e-9a51-000000000002", BuildingBlocks.Security.Roles.Fallmanagement),
        Role("0f6c1a3e-4b7d-4d0e-9a51-000000000003", BuildingBlocks.Security.Roles.Finanzen),
        Role("0f6c1a3e-4b7d-4d0e-9a51-000000000004", BuildingBlocks.Security.Roles.Ehrenamt),
    ];

    private static IdentityRole<Guid> Role(string id, string name) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(SchemaName);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Entity<IdentityRole<Guid>>().HasData(FixedRoles);
        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
