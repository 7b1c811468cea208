using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.DataProtection.Erasure;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>The German report of one erasure: per module what was erased or restricted until when.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class LoeschungBerichtModel(Erasures erasures) : PageModel
{
    public ErasureReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Report = await erasures.ReportAsync(id, cancellationToken);
        return Report is null ? NotFound() : Page();
    }
}
