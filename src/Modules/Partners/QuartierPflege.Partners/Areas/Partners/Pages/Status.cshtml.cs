using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Network;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

[Authorize(Policy = Policies.Administration)]
internal sealed class StatusModel(IQuerySession session, ChangePartnerStatus change, CoverageQuery coverage) : PageModel
{
    public Partner? Partner { get; private set; }

    public IReadOnlyList<WhatIfCell> WhatIf { get; private set; } = [];

    public string? StatusText { get; private set; }

    public string? FromText { get; private set; }

    public string? UntilText { get; private set; }

    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        StatusText = Partner!.Status.ToString();
        FromText = Partner.StatusFrom is { } f ? f.ToString("yyyy-MM-dd", null) : null;
        UntilText = Partner.PausedUntil is { } u ? u.ToString("yyyy-MM-dd", null) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var form = Request.Form;
        StatusText = form["status"].FirstOrDefault();
        FromText = form["from"].FirstOrDefault();
        UntilText = form["until"].FirstOrDefault();
        Note = form["note"].FirstOrDefault();
        PartnerStatus? status = Enum.TryParse<PartnerStatus>(StatusText, out var s) && Enum.IsDefined(s) && StatusText is { Length: > 0 } t && !char.IsAsciiDigit(t[0]) ? s : null;
        NodaTime.LocalDate? from = null, until = null;
        if (!string.IsNullOrWhiteSpace(FromText))
        {
            if (GermanDates.TryParseInput(FromText, out var parsed)) { from = parsed; } else { ModelState.AddModelError("from", "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ)."); }
        }

        if (!string.IsNullOrWhiteSpace(UntilText))
        {
            if (GermanDates.TryParseInput(UntilText, out var parsed)) { until = parsed; } else { ModelState.AddModelError("until", "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ)."); }
        }

        if (ModelState.IsValid)
        {
            var outcome = await change.HandleAsync(id, new ChangePartnerStatusRequest(status, from, until, Note, int.TryParse(form["version"], out var v) ? v : null), cancellationToken);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.IsDone)
            {
                TempData["Message"] = "Der Status ist gespeichert.";
                return Redirect($"/Partners/{id}");
            }

            outcome.CopyTo(ModelState, f => f);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Partner = await session.LoadAsync<Partner>(id, cancellationToken);
        if (Partner is null)
        {
            return false;
        }

        WhatIf = Coverage.WhatIf(Partner, await coverage.HandleAsync(new CoverageFilter(), cancellationToken));
        return true;
    }
}
