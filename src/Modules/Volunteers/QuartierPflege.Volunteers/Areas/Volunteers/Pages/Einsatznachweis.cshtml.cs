using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>
/// A volunteer corrects one of their own visit logs: a returned one (the coordinator's comment says why) is submitted
/// again; a confirmed one goes back to the coordinator and compensation hears of the correction.
/// </summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class EinsatznachweisModel(VolunteerAccess access, VisitLogs logs) : PageModel
{
    public LogView Current { get; private set; } = null!;

    public AssignmentView? Assignment { get; private set; }

    [BindProperty]
    public VisitLogForm Log { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Log = VisitLogForm.Of(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var outcome = await logs.CorrectAsync(me, id, Log.ToRequest(), Log.Version, cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Log));
            return Page();
        }

        TempData["Message"] = Current.State == ActivityState.Confirmed
            ? "Ihre Korrektur ist eingereicht. Die Koordination bestätigt den Einsatz noch einmal."
            : "Ihr Einsatznachweis ist korrigiert und wieder eingereicht.";
        return Redirect("/Volunteers#h-logs");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me || await logs.OwnLogAsync(me.Id, id, cancellationToken) is not { } found)
        {
            return false;
        }

        (Current, Assignment) = found;
        return Current.State != ActivityState.Cancelled;
    }
}
