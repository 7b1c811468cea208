using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.DataProtection;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>Finance's view of one payee's bank details; each visit is logged, and coordination sees the log.</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class ZahlungsempfaengerModel(PayeeView view) : PageModel
{
    public PayeeBankDetailsView? Payee { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        Payee = await view.ReadAsync(volunteerId, "Seite Zahlungsempfänger", cancellationToken);
        return Payee is null ? NotFound() : Page();
    }
}
