using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Shared;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Residents;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Bewohner;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class BewohnerDetailModel(GetResident getResident) : PageModel
{
    public ResidentDetail Resident { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await getResident.HandleAsync(id, "angesehen", cancellationToken);
        if (!outcome.IsDone)
        {
            return NotShown.For(this, outcome.Kind);
        }

        Resident = outcome.Value!;
        return Page();
    }

    public static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Open => "offen",
        CaseStatus.InProgress => "in Bearbeitung",
        CaseStatus.Dormant => "ruhend",
        CaseStatus.Closed => "abgeschlossen",
        _ => status.ToString(),
    };
}
