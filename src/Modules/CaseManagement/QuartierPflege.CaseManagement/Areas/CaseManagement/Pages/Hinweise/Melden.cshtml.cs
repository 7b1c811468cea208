using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Features.Residents.Concerns;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Hinweise;

/// <summary>For everyone signed in, volunteers included: they name the person in free text and never see residents.</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class HinweisMeldenModel(ReportConcern reportConcern) : PageModel
{
    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    [TempData]
    public bool Thanks { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await reportConcern.HandleAsync(new ReportConcernRequest(Input.ResidentName, Input.ResidentAddress, Input.Description), cancellationToken);
        if (!outcome.IsDone)
        {
            new FormFeedback().CopyTo(outcome, ModelState, nameof(Input));
            return Page();
        }

        Thanks = true;
        return Redirect("/CaseManagement/Hinweise/Melden");
    }

    internal sealed class ConcernInput
    {
        public string? ResidentName { get; set; }

        public string? ResidentAddress { get; set; }

        public string? Description { get; set; }
    }
}
