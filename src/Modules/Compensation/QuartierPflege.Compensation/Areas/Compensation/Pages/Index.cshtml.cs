using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Runs;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>The payout runs, newest first, and preparing one for a month that has ended.</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class IndexModel(IQuerySession session, ReviewPayoutRun review, IClock clock) : PageModel
{
    public IReadOnlyList<PayoutRun> Runs { get; private set; } = [];

    [BindProperty]
    public string? Month { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Month = GermanMonths.Key(PayoutMonths.Previous(clock.Today()));
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!GermanMonths.TryParseKey(Month?.Trim(), out var month))
        {
            ModelState.AddModelError(nameof(Month), "Bitte geben Sie den Monat als JJJJ-MM an (z. B. 2026-10).");
        }
        else
        {
            var outcome = await review.PrepareAsync(month, cancellationToken);
            if (outcome.IsDone)
            {
                TempData["Message"] = $"Der Auszahlungslauf {GermanMonths.Show(month)} ist vorbereitet.";
                return Redirect($"/Compensation/Lauf/{GermanMonths.Key(month)}");
            }

            outcome.CopyTo(ModelState, _ => nameof(Month));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
        => Runs = await session.Query<PayoutRun>().OrderByDescending(r => r.MonthKey).Take(36).ToListAsync(cancellationToken);
}
