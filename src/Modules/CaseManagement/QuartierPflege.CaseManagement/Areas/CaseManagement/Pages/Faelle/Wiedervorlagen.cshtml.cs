using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Cases.FollowUps;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class WiedervorlagenModel(ListFollowUps list, AddFollowUp add, MarkFollowUpDone markDone) : PageModel
{
    public CaseFollowUps? FollowUps { get; private set; }

    [BindProperty]
    public FollowUpForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await ShowAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var forms = new FormFeedback();
        var dueOn = forms.Date("dueOn", Input.DueOn);
        if (forms.HasErrors)
        {
            forms.CopyTo(ModelState, nameof(Input));
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await add.HandleAsync(id, new AddFollowUpRequest(dueOn, Input.Title, Input.Note), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsDone)
        {
            forms.CopyTo(outcome, ModelState, nameof(Input));
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        Message = $"Die Wiedervorlage „{Input.Title?.Trim()}“ ist angelegt.";
        return Redirect($"/CaseManagement/Faelle/{id}/Wiedervorlagen");
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid followUpId, bool done, CancellationToken cancellationToken)
    {
        var outcome = await markDone.HandleAsync(id, followUpId, new MarkFollowUpDoneRequest(done), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Message = done ? "Die Wiedervorlage ist erledigt." : "Die Wiedervorlage ist wieder offen.";
        return Redirect($"/CaseManagement/Faelle/{id}/Wiedervorlagen");
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    private async Task<bool> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(id, cancellationToken);
        FollowUps = outcome.Value;
        return outcome.IsDone;
    }

    internal sealed class FollowUpForm
    {
        /// <summary>As the date input sends it (ISO, "2026-03-10").</summary>
        public string? DueOn { get; set; }

        public string? Title { get; set; }

        public string? Note { get; set; }
    }
}
