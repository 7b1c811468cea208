using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>The entry to data protection for coordination (no separate data-protection role, see docs/decisions.md).</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
