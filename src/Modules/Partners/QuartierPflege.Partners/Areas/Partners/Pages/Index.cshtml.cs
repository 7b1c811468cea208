using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class IndexModel(IPartnerDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kategorie { get; set; }

    public IReadOnlyList<PartnerListing> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Partners = await directory.FindPartnersAsync(
            Kategorie is { Length: > 0 } key && ServiceCategories.IsKnown(key) ? key : null, null, cancellationToken);
}
