using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Features.Statements;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>The yearly budget report by model and Quartier as a table, with the CSV download of the same rows.</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class BudgetModel(IQuerySession session, IClock clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<BudgetRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(int? jahr, CancellationToken cancellationToken)
    {
        Year = PayoutStatements.YearOrCurrent(jahr, clock.Today());
        Rows = await BudgetReport.YearAsync(session, Year, cancellationToken);
    }
}
