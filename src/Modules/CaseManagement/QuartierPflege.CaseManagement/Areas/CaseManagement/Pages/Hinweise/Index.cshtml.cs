using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Hinweise;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class HinweiseIndexModel(ListConcerns listConcerns) : PageModel
{
    public IReadOnlyList<ConcernItem> Concerns { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Concerns = await listConcerns.OpenAsync(cancellationToken);
}
