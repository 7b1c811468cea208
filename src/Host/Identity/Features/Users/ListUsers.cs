using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace QuartierPflege.Host.Identity.Features.Users;

internal sealed record UserSummary(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Active,
    Instant? LockedUntil,
    string ConcurrencyStamp);

internal sealed class ListUsers(IdentityDb db, IClock clock)
{
    public async Task<IReadOnlyList<UserSummary>> HandleAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        return [.. users.Select(u => ToSummary(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!), now))];
    }

    public async Task<UserSummary?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == id
                           select r.Name).ToListAsync(cancellationToken);
        return ToSummary(user, roles!, clock.GetCurrentInstant());
    }

    internal static UserSummary ToSummary(AppUser user, IEnumerable<string> roles, Instant now)
    {
        var deactivated = user.LockoutEnd == DateTimeOffset.MaxValue;
        Instant? lockedUntil = user.LockoutEnd is { } end && !deactivated && Instant.FromDateTimeOffset(end) > now
            ? Instant.FromDateTimeOffset(end)
            : null;
        return new UserSummary(user.Id, user.Email ?? string.Empty, user.DisplayName, [.. roles.Order()], !deactivated,
            lockedUntil, user.ConcurrencyStamp ?? string.Empty);
    }
}

internal static class UserRoleNames
{
    public static string Describe(string role) => role switch
    {
        "Koordination" => "Koordination (Verwaltung)",
        "Fallmanagement" => "Fallmanagement",
        "Finanzen" => "Finanzen",
        "Ehrenamt" => "Ehrenamt (Nachbarschaftshilfe)",
        _ => role,
    };
}

internal static class IdentityResultExtensions
{
    /// <summary>Identity reports password rule failures by code; they belong to the password field of the form.</summary>
    public static Dictionary<string, string[]> ToFieldMessages(this IdentityResult result) => result.Errors
        .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
            : string.Empty)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
