using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;

namespace QuartierPflege.Compensation.Areas.Compensation.Pages.Sepa;

/// <summary>Finance downloads the SEPA file of an approved run and confirms it paid (the same use case as the API).</summary>
[Authorize(Policy = Policies.Finance)]
internal sealed class SepaIndexModel(IQuerySession query, ExportPayoutRun export) : PageModel
{
    public PayoutRun? Run { get; private set; }

    public SepaExportDocument? Export { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string month, CancellationToken cancellationToken)
        => await LoadAsync(month, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExportAsync(string month, CancellationToken cancellationToken)
    {
        if (!GermanMonths.TryParseKey(month, out var m))
        {
            return NotFound();
        }

        var outcome = await export.ExportAsync(m, cancellationToken);
        if (outcome.IsDone)
        {
            return File(outcome.Value!.Content, SepaEndpoints.SepaMediaType, outcome.Value.FileName);
        }

        outcome.CopyTo(ModelState, "Input");
        return await LoadAsync(month, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPaidAsync(string month, CancellationToken cancellationToken)
    {
        if (!GermanMonths.TryParseKey(month, out var m))
        {
            return NotFound();
        }

        var outcome = await export.ConfirmPaidAsync(m, cancellationToken);
        if (outcome.IsDone)
        {
            Done = $"Der Auszahlungslauf {GermanMonths.Show(m)} ist als bezahlt bestätigt.";
            return RedirectToPage(new { month });
        }

        outcome.CopyTo(ModelState, "Input");
        return await LoadAsync(month, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string month, CancellationToken cancellationToken)
    {
        if (!GermanMonths.TryParseKey(month, out var m))
        {
            return false;
        }

        Run = await query.LoadAsync<PayoutRun>(PayoutRun.IdOf(m), cancellationToken);
        Export = Run is null ? null : await query.LoadAsync<SepaExportDocument>(Run.Id, cancellationToken);
        return Run is not null;
    }
}
