using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity;

/// <summary>The accounts of confirmed volunteers: no password until the invitation (a password-reset token) is used.</summary>
internal sealed class VolunteerAccounts(UserManager<AppUser> users) : IVolunteerAccounts
{
    public async Task<VolunteerAccount?> CreateAsync(string email, string displayName, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return null;
            }

            await users.AddToRoleAsync(user, Roles.Ehrenamt);
        }
        else if (await users.HasPasswordAsync(user) || !await users.IsInRoleAsync(user, Roles.Ehrenamt))
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        return new VolunteerAccount(user.Id, $"/Einladung?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
    }
}
