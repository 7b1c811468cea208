using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class DetailModel(IQuerySession session, ReferralQueries referrals) : PageModel
{
    public Partner? Partner { get; private set; }

    public ResponseTimes Times { get; private set; } = ResponseTimes.Of([]);

    public bool CanEdit => User.IsInRole(Roles.Koordination);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Partner = await session.LoadAsync<Partner>(id, cancellationToken);
        if (Partner is null)
        {
            return NotFound();
        }

        Times = await referrals.ResponseTimesAsync(id, cancellationToken);
        return Page();
    }
}
