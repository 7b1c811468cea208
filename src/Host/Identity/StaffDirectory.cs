using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity;

/// <summary>The modules' read-only view of the accounts (names, e-mail addresses, roles).</summary>
internal sealed class StaffDirectory(IdentityDb db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        var ids = await (from ur in db.UserRoles
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == role
                         select ur.UserId).ToListAsync(cancellationToken);
        var members = await FindAsync(ids, cancellationToken);
        return [.. members.Values.Where(m => m.Active).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)];
    }

    public async Task<IReadOnlyDictionary<Guid, StaffMember>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => new StaffMember(
            u.Id,
            u.DisplayName,
            u.Email ?? string.Empty,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            u.LockoutEnd != DateTimeOffset.MaxValue));
    }
}
