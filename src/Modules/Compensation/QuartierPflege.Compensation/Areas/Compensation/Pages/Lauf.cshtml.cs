using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Runs;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages;

/// <summary>
/// One run: totals and the flags summary, its payouts a page at a time (flagged first, or only the flagged), with
/// lines, hold/release and approval (the same use cases as the API). A run may have 20,000 payouts.
/// </summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class LaufModel(IQuerySession session, ReviewPayoutRun review, ICurrentUser user) : PageModel
{
    public PayoutRun? Run { get; private set; }

    public const int PageSize = 50;

    public IReadOnlyList<Payout> Payouts { get; private set; } = [];

    /// <summary>Only the flagged payouts ("nur markierte").</summary>
    [BindProperty(SupportsGet = true, Name = "markiert")]
    public bool FlaggedOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public int Listed { get; private set; }

    public int PageCount => Math.Max(1, (Listed + PageSize - 1) / PageSize);

    public string PageUrl(int page) => UrlOf(GermanMonths.Key(Month), page);

    private string UrlOf(string month, int page) => $"/Compensation/Lauf/{month}?seite={page}{(FlaggedOnly ? "&markiert=true" : "")}";

    public YearMonth Month { get; private set; }

    public bool MayApprove => Run is { Status: RunStatus.Draft } && !Run.Editors.Contains(user.Id);

    public async Task<IActionResult> OnGetAsync(string month, CancellationToken cancellationToken)
        => await LoadAsync(month, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHoldAsync(string month, Guid payoutId, string? reason, CancellationToken cancellationToken)
        => await AfterAsync(month, GermanMonths.TryParseKey(month, out var m)
            ? await review.HoldAsync(m, payoutId, new HoldPayoutRequest(reason), cancellationToken) : null, "Die Auszahlung ist angehalten.", cancellationToken);

    public async Task<IActionResult> OnPostReleaseAsync(string month, Guid payoutId, CancellationToken cancellationToken)
        => await AfterAsync(month, GermanMonths.TryParseKey(month, out var m)
            ? await review.ReleaseAsync(m, payoutId, cancellationToken) : null, "Die Auszahlung ist wieder zur Zahlung vorgesehen.", cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(string month, int? version, CancellationToken cancellationToken)
        => await AfterAsync(month, GermanMonths.TryParseKey(month, out var m)
            ? await review.ApproveAsync(m, new ApproveRunRequest(version), cancellationToken) : null, "Der Lauf ist freigegeben.", cancellationToken);

    private async Task<IActionResult> AfterAsync(string month, Outcome<int>? outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome is null || outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            TempData["Message"] = done;
            // Month is only known once the page is loaded: the redirect goes by the route's value.
            return Redirect(UrlOf(month, PageNumber));
        }

        outcome.CopyTo(ModelState, f => f);
        return await LoadAsync(month, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string month, CancellationToken cancellationToken)
    {
        if (!GermanMonths.TryParseKey(month, out var m))
        {
            return false;
        }

        Month = m;
        Run = await session.LoadAsync<PayoutRun>(PayoutRun.IdOf(m), cancellationToken);
        if (Run is null)
        {
            return false;
        }

        var query = session.Query<Payout>().Where(p => p.RunId == Run.Id && p.RestrictedUntil == null);
        if (FlaggedOnly)
        {
            query = query.Where(p => p.Flagged);
        }

        Listed = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Payouts = await query.OrderByDescending(p => p.Flagged).ThenBy(p => p.DisplayName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return true;
    }
}
