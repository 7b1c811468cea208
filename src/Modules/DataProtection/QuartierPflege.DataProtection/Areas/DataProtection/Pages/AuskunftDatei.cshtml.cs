using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.DataProtection.Areas.DataProtection.Pages;

/// <summary>The ZIP of an Art. 15 copy while it is available (each download audited); after 7 days a German refusal (410).</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class AuskunftDateiModel(AccessCopies.AccessCopies copies) : PageModel
{
    public string Refusal { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await copies.DownloadAsync(id, cancellationToken);
        if (outcome.IsDone)
        {
            return File(outcome.Value!.Zip, "application/zip", outcome.Value.FileName);
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Refusal = outcome.Message!;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
