using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QuartierPflege.BuildingBlocks.Modules;

namespace QuartierPflege.Host.Shell;

/// <summary>The navigation a person sees is what their role may open: items are filtered by their own policies.</summary>
public sealed class MainNavigation(IEnumerable<NavigationItem> items, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<NavigationItem>();
        foreach (var item in items.OrderBy(i => i.Order))
        {
            if ((await authorization.AuthorizeAsync(UserClaimsPrincipal, item.Policy)).Succeeded)
            {
                visible.Add(item);
            }
        }

        return View(new MainNavigationModel(visible, HttpContext.Request.Path));
    }
}

public sealed record MainNavigationModel(IReadOnlyList<NavigationItem> Items, PathString CurrentPath)
{
    public bool IsCurrent(NavigationItem item) => item.Path == "/"
        ? CurrentPath == "/" || CurrentPath == "/Index"
        : CurrentPath.StartsWithSegments(item.Path, StringComparison.OrdinalIgnoreCase);
}
