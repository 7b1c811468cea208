using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.RoleProfiles;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>
/// Everyone of the volunteer area reads the profiles; the guidance files are listed to staff and to volunteers enrolled
/// in the role (the download checks the same).
/// </summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class RollenModel(RoleProfileFeatures roles) : PageModel
{
    public IReadOnlyList<RoleProfile> Roles { get; private set; } = [];

    public Dictionary<string, IReadOnlyList<(Guid Id, string FileName)>> Files { get; } = new(StringComparer.Ordinal);

    [TempData]
    public string? Message { get; set; }

    public bool MayEdit => User.IsInRole(QuartierPflege.BuildingBlocks.Security.Roles.Koordination);

    public string CompensationName(string key) => RoleProfileInputValidator.CompensationModels.FirstOrDefault(m => m.Key == key).Name ?? key;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Roles = [.. (await roles.AllAsync(cancellationToken)).Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
        foreach (var role in Roles)
        {
            Files[role.Id] = await roles.VisibleFilesAsync(role.Id, cancellationToken) ?? [];
        }
    }
}
