using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Identity;

/// <summary>Puts the display name into the cookie so the layout can greet the person without a database call.</summary>
internal sealed class DisplayNameClaims(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(QuartierPflegeClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
