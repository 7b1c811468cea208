using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Modules;

namespace QuartierPflege.Host.Identity;

/// <summary>
/// One demo account per role, created only by <c>Host seed-demo</c>. The shared password is printed by ops/run and
/// stands in the README: these accounts must never exist in production.
/// </summary>
internal sealed class DemoUsers(UserManager<AppUser> users) : IDemoDataSeeder
{
    public const string Password = DemoAccounts.Password;

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                Id = account.Id,
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
            };
            Throw(await users.CreateAsync(user, Password));
            Throw(await users.AddToRoleAsync(user, account.Role));
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
