using Microsoft.AspNetCore.Identity;

namespace QuartierPflege.Host.Identity;

/// <summary>A person who signs in: staff or a neighbour volunteer. The user name is the e-mail address.</summary>
internal sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;
}
