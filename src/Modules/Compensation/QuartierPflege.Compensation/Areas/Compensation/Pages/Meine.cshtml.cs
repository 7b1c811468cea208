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
internal sealed class MeineModel(PayeeAccess access, IQuerySession session, IClock clock) : PageModel
{
    public YearStatement? Statement { get; private set; }

    public Payee? Payee { get; private set; }

    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? jahr, CancellationToken cancellationToken)
    {
        Year = PayoutStatements.YearOrCurrent(jahr, clock.Today());
        Payee = await access.MineAsync(cancellationToken);
        Statement = Payee is null ? null : await PayoutStatements.YearAsync(session, Payee.Id, Year, cancellationToken);
        return Statement is null ? NotFound() : Page();
    }
}
