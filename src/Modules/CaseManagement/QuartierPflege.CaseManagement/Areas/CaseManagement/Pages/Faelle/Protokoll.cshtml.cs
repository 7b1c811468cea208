using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Features.Residents.Protocol;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class FallProtokollModel(ReadCaseProtocol readProtocol) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "seite")]
    public int? Seite { get; set; }

    public CaseProtocol Protocol { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await readProtocol.HandleAsync(id, ModelState.IsValid ? Seite : 1, cancellationToken);
        if (!outcome.IsDone)
        {
            return NotFound();
        }

        Protocol = outcome.Value!;
        return Page();
    }
}
