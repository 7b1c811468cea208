using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.CaseManagement.Features.Cases.Journal;

namespace QuartierPflege.CaseManagement.Areas.CaseManagement.Pages.Faelle;

[Authorize(Policy = Policies.CaseWork)]
internal sealed class JournalModel(ListJournal list, AddJournalNote add, IClock clock) : PageModel
{
    public CaseJournal? Journal { get; private set; }

    [BindProperty]
    public NoteForm Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.ContactOn = GermanDates.InputValue(clock.Today());
        return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var forms = new FormFeedback();
        var contactOn = forms.Date("contactOn", Input.ContactOn);
        if (forms.HasErrors)
        {
            forms.CopyTo(ModelState, nameof(Input));
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await add.HandleAsync(id, new AddJournalNoteRequest(Input.Text, Input.IsContact, contactOn, Input.IsConfidential), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.IsDone)
        {
            forms.CopyTo(outcome, ModelState, nameof(Input));
            return await ShowAsync(id, cancellationToken) ? Page() : NotFound();
        }

        Message = "Die Notiz ist gespeichert.";
        return Redirect($"/CaseManagement/Faelle/{id}/Journal");
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    private async Task<bool> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await list.HandleAsync(id, cancellationToken);
        Journal = outcome.Value;
        return outcome.IsDone;
    }

    internal sealed class NoteForm
    {
        public string? Text { get; set; }

        public bool IsContact { get; set; }

        /// <summary>As the date input sends it (ISO).</summary>
        public string? ContactOn { get; set; }

        public bool IsConfidential { get; set; }
    }
}
