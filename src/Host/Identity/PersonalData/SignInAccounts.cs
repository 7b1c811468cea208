using Microsoft.AspNetCore.Identity;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity.PersonalData;

/// <summary>An account as a person's copy shows it.</summary>
public sealed record SignInAccountDescription(string Email, string DisplayName, IReadOnlyList<string> Roles, bool HasPassword, bool Locked);

/// <summary>What an erasure did to an account: removed, only the volunteer role taken (a staff member who also volunteers), or none.</summary>
public enum SignInAccountErasure
{
    NoAccount = 0,
    Deleted = 1,
    VolunteerRoleRemoved = 2,
}

/// <summary>
/// The sign-in accounts for the data-protection handlers. Public only because Wolverine's generated handler code calls
/// it (the implementation is internal and resolved from the scope).
/// </summary>
public interface ISignInAccounts
{
    Task<SignInAccountDescription?> DescribeAsync(string email);

    Task<SignInAccountErasure> EraseVolunteerAsync(string email);
}

internal sealed class SignInAccounts(UserManager<AppUser> users) : ISignInAccounts
{
    public async Task<SignInAccountDescription?> DescribeAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null
            ? null
            : new SignInAccountDescription(user.Email ?? email, user.DisplayName, [.. await users.GetRolesAsync(user)], await users.HasPasswordAsync(user),
                await users.IsLockedOutAsync(user));
    }

    /// <summary>
    /// Deletes a volunteer's account (e-mail, name and password hash are personal data no duty keeps); an open session
    /// ends at its next security-stamp check, since the account is gone. A person who also works as staff keeps the
    /// account without the volunteer role, with a new stamp so the volunteer's session ends too.
    /// </summary>
    public async Task<SignInAccountErasure> EraseVolunteerAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return SignInAccountErasure.NoAccount;
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.All(r => r == Roles.Ehrenamt))
        {
            Ensure(await users.DeleteAsync(user));
            return SignInAccountErasure.Deleted;
        }

        if (roles.Contains(Roles.Ehrenamt))
        {
            Ensure(await users.RemoveFromRoleAsync(user, Roles.Ehrenamt));
        }

        Ensure(await users.UpdateSecurityStampAsync(user));
        return SignInAccountErasure.VolunteerRoleRemoved;
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // A concurrency failure or the database: the message is retried by Wolverine, then dead-lettered.
            throw new InvalidOperationException("Das Anmeldekonto konnte nicht gelöscht werden: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
