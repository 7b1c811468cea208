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

/// <summary>One run: totals and flags, every payout with its lines, hold/release, approval (the same use cases as the API).</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class LaufModel(IQuerySession session, ReviewPayoutRun review, ICurrentUser user) : PageModel
{
    public PayoutRun? Run { get; private set; }

    public IReadOnlyList<Payout> Payouts { get; private set; } = [];

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
            return Redirect($"/Compensation/Lauf/{month}");
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

        Payouts = [.. (await session.Query<Payout>().Where(p => p.RunId == Run.Id).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.Flags.Count > 0).ThenBy(p => p.DisplayName, StringComparer.CurrentCulture)];
        return true;
    }
}
