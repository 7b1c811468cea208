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

/// <summary>
/// The annual summary of one volunteer for their tax records, printable (the layout's header, navigation and footer
/// are not printed). A volunteer sees their own; Finanzen/Koordination choose anyone paid that year. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class JahresuebersichtModel(PayeeAccess access, IQuerySession session, IClock clock) : PageModel
{
    public YearStatement? Statement { get; private set; }

    public int Year { get; private set; }

    /// <summary>For finance without a chosen volunteer: everyone with a payout in the year.</summary>
    public IReadOnlyList<(Guid Id, string Name, string Quartier)> Payees { get; private set; } = [];

    public LocalDate Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid? volunteerId, int? jahr, CancellationToken cancellationToken)
    {
        Year = PayoutStatements.YearOrCurrent(jahr, Today);
        var mine = await access.MyVolunteerIdAsync(cancellationToken);
        var id = volunteerId ?? mine;
        if (id is null)
        {
            if (!access.IsFinance)
            {
                return NotFound();
            }

            var from = Year * 100;
            var to = (Year + 1) * 100;
            Payees = [.. (await session.Query<Payout>().Where(p => p.MonthKey > from && p.MonthKey < to && p.RestrictedUntil == null).ToListAsync(cancellationToken))
                .GroupBy(p => p.VolunteerId).Select(g => (g.Key, g.First().DisplayName, g.First().Quartier))
                .OrderBy(p => p.DisplayName, StringComparer.Create(GermanMonths.Culture, false))];
            return Page();
        }

        if (id != mine && !access.IsFinance)
        {
            return NotFound();
        }

        Statement = await PayoutStatements.YearAsync(session, id.Value, Year, cancellationToken);
        return Statement is null ? NotFound() : Page();
    }
}
