using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity;

/// <summary>
/// One demo account per role, created only by <c>Host seed-demo</c>. The shared password is printed by ops/run and
/// stands in the README: these accounts must never exist in production.
/// </summary>
internal sealed class DemoUsers(UserManager<AppUser> users) : IDemoDataSeeder
{
    public const string Password = "Quartier-Demo-2026";

    public static IReadOnlyList<(string Email, string DisplayName, string Role)> Accounts { get; } =
    [
        ("koordination@demo.quartierpflege.de", "Katrin Lehmann", Roles.Koordination),
        ("fallmanagement@demo.quartierpflege.de", "Jens Richter", Roles.Fallmanagement),
        ("finanzen@demo.quartierpflege.de", "Sabine Hoffmann", Roles.Finanzen),
        ("ehrenamt@demo.quartierpflege.de", "Gerda Schubert", Roles.Ehrenamt),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (email, displayName, role) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Throw(await users.CreateAsync(user, Password));
            Throw(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
