using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.DataProtection;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.PartnerDirectory)]
internal sealed class DetailModel(IQuerySession session, ReferralQueries referrals, ContactReadAudit audit) : PageModel
{
    public Partner? Partner { get; private set; }

    public ResponseTimes Times { get; private set; } = ResponseTimes.Of([]);

    public bool CanEdit => User.IsInRole(Roles.Koordination);

    public bool SeesReads => User.IsInRole(Roles.Koordination);

    /// <summary>Who was shown the contact persons (Koordination only; empty for everyone else).</summary>
    public IReadOnlyList<PartnerContactRead> Reads { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Partner = await session.LoadAsync<Partner>(id, cancellationToken);
        if (Partner is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(Partner, ContactReadAudit.OnPage, cancellationToken);
        Times = await referrals.ResponseTimesAsync(id, cancellationToken);
        if (SeesReads)
        {
            Reads = await audit.LatestAsync(id, cancellationToken);
        }

        return Page();
    }
}
