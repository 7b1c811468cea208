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
        // Identity names its tables and three indexes itself, which a naming convention leaves alone: the schema's
        // snake_case names are stated here, the columns, keys and constraints come from UseSnakeCaseNamingConvention.
        builder.Entity<AppUser>(u =>
        {
            u.ToTable("asp_net_users");
            u.HasIndex(x => x.NormalizedUserName).HasDatabaseName("user_name_index");
            u.HasIndex(x => x.NormalizedEmail).HasDatabaseName("email_index");
        });
        builder.Entity<IdentityRole<Guid>>(r =>
        {
            r.ToTable("asp_net_roles");
            r.HasIndex(x => x.NormalizedName).HasDatabaseName("role_name_index");
        });
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("asp_net_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("asp_net_user_logins");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("asp_net_user_roles");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("asp_net_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("asp_net_role_claims");
        builder.Entity<IdentityRole<Guid>>().HasData(FixedRoles);
        builder.Entity<DataProtectionKey>(key =>
        {
            key.ToTable("data_protection_keys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
