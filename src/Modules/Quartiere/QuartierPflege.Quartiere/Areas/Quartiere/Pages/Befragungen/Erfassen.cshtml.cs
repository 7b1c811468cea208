using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Befragungen;

/// <summary>
/// At the door, on a phone: one conversation's answers, then the form is empty for the next door. Contact details
/// only with the resident's consent ticked.
/// </summary>
[Authorize(Policy = Policies.CommunityWork)]
internal sealed class ErfassenModel(SurveyQueries queries, RecordAnswer record, ICurrentUser user, IClock clock) : PageModel
{
    public Survey Survey { get; private set; } = null!;

    public bool Open { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var forms = new FormFeedback("answer", Request.Form);
        var answers = new List<AnswerInput>();
        for (var i = 0; i < Survey.Questions.Count; i++)
        {
            var question = Survey.Questions[i];
            var field = $"answers[{i}]";
            answers.Add(question.Kind switch
            {
                QuestionKind.SingleChoice or QuestionKind.MultipleChoice => new AnswerInput(question.Id,
                    [.. Request.Form[$"{field}.choices"].Select(c => int.TryParse(c, out var n) ? n : -1)], null, null),
                QuestionKind.Scale => new AnswerInput(question.Id, null, forms.Int($"{field}.scale"), null),
                _ => new AnswerInput(question.Id, null, null, forms.Text($"{field}.text")),
            });
        }

        var contact = new ContactInput(forms.Text("contact.name"), forms.Text("contact.phone"), forms.Text("contact.address"),
            forms.Text("contact.note"), forms.Bool("contact.consent"));
        var outcome = await record.HandleAsync(id, new RecordAnswerRequest(answers, contact), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.IsDone)
        {
            Message = contact.Consent
                ? "Die Antworten sind gespeichert. Die Kontaktdaten gehen als Hinweis an das Fallmanagement."
                : "Die Antworten sind anonym gespeichert.";
            return Redirect($"/Quartiere/Befragungen/{id}/Erfassen");
        }

        forms.CopyTo(outcome, ModelState, field => field);
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    public bool PostedChoice(string field, int index)
        => Request.HasFormContentType && Request.Form[field].Contains(index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!RecordAnswer.MayRecord(user) || await queries.FindAsync(id, cancellationToken) is not { } survey)
        {
            return false;
        }

        Survey = survey;
        Open = survey.IsOpenOn(clock.Today());
        return true;
    }
}
