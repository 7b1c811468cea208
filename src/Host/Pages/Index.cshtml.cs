using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Host.Pages;

/// <summary>The start page after sign-in: the areas this person's role opens, as large tap targets for phones.</summary>
internal sealed class IndexModel(IEnumerable<NavigationItem> items, IAuthorizationService authorization) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<NavigationItem> Areas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        DisplayName = User.FindFirst(QuartierPflegeClaims.DisplayName)?.Value ?? string.Empty;
        var areas = new List<NavigationItem>();
        foreach (var item in items.Where(i => i.Path != "/").OrderBy(i => i.Order))
        {
            if ((await authorization.AuthorizeAsync(User, item.Policy)).Succeeded)
            {
                areas.Add(item);
            }
        }

        Areas = areas;
    }
}
