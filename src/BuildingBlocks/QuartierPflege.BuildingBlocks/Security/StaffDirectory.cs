namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>A person with an account, as modules may know them: for choosing a deputy or addressing a reminder.</summary>
public sealed record StaffMember(Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool Active);

/// <summary>
/// Read-only look-up of accounts, provided by the Host (which owns sign-in). Modules store only user ids and names; an
/// e-mail address is looked up when it is needed, so it is never stale and never copied into a module's data.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>Active accounts with the role, ordered by name.</summary>
    Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>The accounts with these ids (deactivated ones too); unknown ids are missing from the answer.</summary>
    Task<IReadOnlyDictionary<Guid, StaffMember>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
