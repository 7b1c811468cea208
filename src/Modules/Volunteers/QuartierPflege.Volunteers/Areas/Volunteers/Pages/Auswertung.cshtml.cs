using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Volunteers.Features.Reports;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class AuswertungModel(CoordinatorReports reports) : PageModel
{
    public Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await reports.BuildAsync(key, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
