using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Quartiere.Features.Forum;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Forum;

/// <summary>Coordination records a forum meeting, or (<c>?id=</c>) edits one under the revision it was read with.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class TreffenModel(ForumWork work, ForumQueries queries, IQuartierList quartiere) : PageModel
{
    public const int MinRows = 3;

    public ForumMeeting? Editing { get; private set; }

    public IReadOnlyList<QuartierListing> Quartiere { get; private set; } = [];

    public int Rows { get; private set; } = MinRows;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } meetingId)
        {
            Editing = await queries.MeetingAsync(meetingId, cancellationToken);
            if (Editing is null)
            {
                return NotFound();
            }

            Rows = Math.Max(MinRows, Editing.Actions.Count + 1);
        }

        Quartiere = await quartiere.AllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var forms = new FormFeedback("meeting", Request.Form);
        Rows = forms.Version("rows") is { } rows ? Math.Clamp(rows, MinRows, 31) : MinRows;
        var actions = new List<ForumActionInput>();
        for (var i = 0; i < Rows; i++)
        {
            var text = forms.Text($"actions[{i}].text");
            var owner = forms.Text($"actions[{i}].owner");
            var due = forms.Date($"actions[{i}].dueOn");
            // A row left empty is no action (the form offers spare rows); emptying a kept row removes it.
            if (text is not null || owner is not null || due is not null)
            {
                actions.Add(new ForumActionInput(text, owner, due, forms.Id($"actions[{i}].id")));
            }
        }

        var request = new SaveForumMeetingRequest(forms.Text("quartier"), forms.Date("date"), forms.Text("place"), forms.Text("agenda"),
            [.. (forms.Text("namedParticipants") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            forms.Bool("namesConsented"), forms.Int("otherParticipants"), forms.Text("minutes"), actions, forms.Version("version"));
        if (id is { } meetingId)
        {
            var updated = await work.UpdateAsync(meetingId, request, cancellationToken);
            if (updated.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (updated.IsDone)
            {
                TempData["Message"] = "Das Treffen ist gespeichert.";
                return Redirect("/Quartiere/Forum");
            }

            forms.CopyTo(updated, ModelState, field => field);
            Editing = await queries.MeetingAsync(meetingId, cancellationToken);
        }
        else
        {
            var created = await work.CreateAsync(request, cancellationToken);
            if (created.IsDone)
            {
                TempData["Message"] = "Das Treffen ist erfasst.";
                return Redirect("/Quartiere/Forum");
            }

            forms.CopyTo(created, ModelState, field => field);
        }

        Quartiere = await quartiere.AllAsync(cancellationToken);
        return Page();
    }

    /// <summary>What was typed (after a refusal), else the edited meeting's value.</summary>
    public string? Value(string field) => Request.HasFormContentType ? Request.Form[field].FirstOrDefault() : Stored(field);

    private string? Stored(string field)
    {
        if (Editing is not { } m)
        {
            return null;
        }

        if (field.StartsWith("actions[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(field[8..close], CultureInfo.InvariantCulture);
            if (index >= m.Actions.Count)
            {
                return null;
            }

            var a = m.Actions[index];
            return field[(close + 2)..] switch
            {
                "text" => a.Text,
                "owner" => a.Owner,
                "dueOn" => GermanDates.InputValue(a.DueOn),
                "id" => a.Id.ToString(),
                _ => null,
            };
        }

        return field switch
        {
            "quartier" => m.Quartier,
            "date" => GermanDates.InputValue(m.Date),
            "place" => m.Place,
            "agenda" => m.Agenda,
            "namedParticipants" => string.Join('\n', m.NamedParticipants),
            "namesConsented" => m.NamesConsented ? "true" : null,
            "otherParticipants" => m.OtherParticipants.ToString(CultureInfo.InvariantCulture),
            "minutes" => m.Minutes,
            "version" => m.Version.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}
