using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Surveys;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Befragungen;

/// <summary>
/// Coordination designs a questionnaire. The form offers a number of question slots (more on request, without script);
/// a slot left empty is no question. Messages of a question show at its slot.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed partial class NeuModel(DesignSurvey design, IQuartierList quartiere) : PageModel
{
    public const int DefaultSlots = 4;
    public const int MaxSlots = DesignSurveyRequestValidator.MaxQuestions;

    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    public int Slots { get; private set; } = DefaultSlots;

    public static IReadOnlyList<(QuestionKind Kind, string Name)> Kinds { get; } =
    [
        (QuestionKind.SingleChoice, "Auswahl (eine Antwort)"),
        (QuestionKind.MultipleChoice, "Auswahl (mehrere Antworten)"),
        (QuestionKind.Scale, "Skala"),
        (QuestionKind.FreeText, "Freitext"),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Quartiere = await quartiere.ActiveAsync(cancellationToken);

    /// <summary>"Weitere Frage": the same form with one slot more, nothing saved.</summary>
    public async Task<IActionResult> OnPostMehrAsync(CancellationToken cancellationToken)
    {
        Slots = Math.Min(MaxSlots, PostedSlots() + 1);
        Quartiere = await quartiere.ActiveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Slots = PostedSlots();
        var forms = new FormFeedback("survey", Request.Form);
        var questions = new List<QuestionInput>();
        var slotOf = new List<int>();
        for (var i = 0; i < Slots; i++)
        {
            var prefix = $"questions[{i}]";
            var kind = forms.Choice<QuestionKind>($"{prefix}.kind", "Bitte wählen Sie die Art der Frage aus der Liste.");
            var text = forms.Text($"{prefix}.text");
            var options = (forms.Text($"{prefix}.options") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var from = forms.Int($"{prefix}.scaleFrom");
            var to = forms.Int($"{prefix}.scaleTo");
            var low = forms.Text($"{prefix}.lowLabel");
            var high = forms.Text($"{prefix}.highLabel");
            if (kind is null && text is null && options.Count == 0 && from is null && to is null && low is null && high is null
                && forms.Text($"{prefix}.kind") is null)
            {
                continue;
            }

            slotOf.Add(i);
            questions.Add(new QuestionInput(kind, text, options, from, to, low, high));
        }

        var request = new DesignSurveyRequest(forms.Text("title"), forms.Text("quartier"), forms.Date("closesOn"), questions);
        var outcome = await design.HandleAsync(request, cancellationToken);
        if (outcome.IsDone)
        {
            TempData["Message"] = $"Die Befragung „{request.Title}“ ist angelegt.";
            return Redirect("/Quartiere/Befragungen");
        }

        // The use case numbers the questions it was given; the page shows them at the slot they came from.
        forms.CopyTo(outcome, ModelState, field => QuestionIndex().Replace(field, m => $"questions[{slotOf[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}]"));
        Quartiere = await quartiere.ActiveAsync(cancellationToken);
        return Page();
    }

    public string? Posted(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : null;

    private int PostedSlots()
        => int.TryParse(Request.Form["slots"].FirstOrDefault(), out var slots) ? Math.Clamp(slots, 1, MaxSlots) : DefaultSlots;

    [GeneratedRegex(@"^questions\[(\d+)\]")]
    private static partial Regex QuestionIndex();
}
