namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>
/// A new <c>Ehrenamt</c> account and the path of the page where its owner sets the first password (relative, e.g.
/// <c>/Einladung?…</c>; the mail puts the product's address in front).
/// </summary>
public sealed record VolunteerAccount(Guid UserId, string InvitationPath);

/// <summary>
/// Creating the account of a confirmed volunteer, provided by the Host (which owns sign-in). The account has no password
/// until its owner follows the invitation.
/// </summary>
public interface IVolunteerAccounts
{
    /// <summary>
    /// Creates the account, or renews the invitation of an <c>Ehrenamt</c> account with that address that has no password
    /// yet (a repeated confirmation). Null when the address belongs to another kind of account.
    /// </summary>
    Task<VolunteerAccount?> CreateAsync(string email, string displayName, CancellationToken cancellationToken);
}
