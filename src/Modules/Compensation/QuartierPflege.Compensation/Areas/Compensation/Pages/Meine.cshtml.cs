using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Payees;
using QuartierPflege.Compensation.Features.Statements;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>The signed-in volunteer's own payouts and statements of a year, by month (on a phone).</summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class MeineModel(PayoutAccessPage page) : PageModel
{
    public YearStatement? Statement { get; private set; }

    public Payee? Payee { get; private set; }

    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? jahr, CancellationToken cancellationToken)
    {
        (Payee, Statement, Year) = await page.OwnYearAsync(jahr, cancellationToken);
        return Payee is null || Statement is null ? NotFound() : Page();
    }
}

/// <summary>What the volunteer's own pages (payouts, annual summary) load: their payee and a year's statement.</summary>
internal sealed class PayoutAccessPage(PayeeAccess access, IQuerySession session, IClock clock)
{
    public async Task<(Payee? Payee, YearStatement? Statement, int Year)> OwnYearAsync(int? year, CancellationToken cancellationToken)
    {
        var y = year is >= 2000 and <= 2100 ? year.Value : clock.Today().Year;
        var payee = await access.MineAsync(cancellationToken);
        return payee is null ? (null, null, y) : (payee, await PayoutStatements.YearAsync(session, payee.Id, y, cancellationToken), y);
    }
}
