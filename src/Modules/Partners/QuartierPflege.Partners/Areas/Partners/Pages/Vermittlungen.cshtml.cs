using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Partners.Referrals;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class VermittlungenModel(ReferralQueries queries, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Anzeige { get; set; }

    public IReadOnlyList<PartnerReferral> Referrals { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        Referrals = await queries.ListAsync(Anzeige == "offen", Anzeige == "ueberfaellig", null, cancellationToken);
    }
}
