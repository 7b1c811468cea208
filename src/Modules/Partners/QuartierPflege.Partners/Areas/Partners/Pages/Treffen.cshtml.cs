using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Partners.Meetings;

namespace QuartierPflege.Partners.Areas.Partners.Pages;

/// <summary>
/// Network meetings of the AG Sozialmanagement: the open actions first, the meetings, and a form for a new one, or
/// (<c>?bearbeiten={id}</c>) the form filled with a meeting to edit under the revision it was read with.
/// </summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class TreffenModel(MeetingWork work, IQuerySession session, IClock clock) : PageModel
{
    public const int ActionRows = 3;

    public IReadOnlyList<(NetworkMeeting Meeting, AgreedAction Action)> OpenActions { get; private set; } = [];

    public IReadOnlyList<NetworkMeeting> Meetings { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> PartnerNames { get; private set; } = new Dictionary<Guid, string>();

    public LocalDate Today { get; private set; }

    /// <summary>The meeting being edited, as read (null: the form records a new one).</summary>
    public NetworkMeeting? Editing { get; private set; }

    /// <summary>Action rows of the form: those of the meeting plus one empty, at least <see cref="ActionRows"/>.</summary>
    public int Rows { get; private set; } = ActionRows;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? bearbeiten, CancellationToken cancellationToken)
    {
        if (bearbeiten is { } id)
        {
            Editing = await work.GetAsync(id, cancellationToken);
            if (Editing is null)
            {
                return NotFound();
            }

            Rows = Math.Max(ActionRows, Editing.Actions.Count + 1);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = Request.Form;
        LocalDate? Date(string key)
        {
            var text = form[key].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (GermanDates.TryParseInput(text, out var date))
            {
                return date;
            }

            ModelState.AddModelError(key, "Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).");
            return null;
        }

        var meetingId = Guid.TryParse(form["meetingId"].FirstOrDefault(), out var parsed) ? parsed : (Guid?)null;
        Rows = int.TryParse(form["rows"].FirstOrDefault(), out var rows) ? Math.Clamp(rows, ActionRows, 31) : ActionRows;
        var actions = new List<ActionInput>();
        for (var i = 0; i < Rows; i++)
        {
            var text = form[$"actions[{i}].text"].FirstOrDefault();
            var owner = form[$"actions[{i}].owner"].FirstOrDefault();
            var due = Date($"actions[{i}].dueOn");
            var actionId = Guid.TryParse(form[$"actions[{i}].id"].FirstOrDefault(), out var a) ? a : (Guid?)null;
            // A row left empty is no action (the form always offers spare rows); emptying a kept row removes it.
            if (!string.IsNullOrWhiteSpace(text) || !string.IsNullOrWhiteSpace(owner) || due is not null)
            {
                actions.Add(new ActionInput(text, owner, due, actionId));
            }
        }

        var request = new SaveMeetingRequest(Date("date"), form["title"].FirstOrDefault(),
            [.. form["partnerIds"].Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty)],
            [.. (form["topics"].FirstOrDefault() ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            form["minutes"].FirstOrDefault(), actions,
            int.TryParse(form["version"].FirstOrDefault(), out var version) ? version : null);
        if (ModelState.IsValid)
        {
            if (meetingId is { } id)
            {
                var updated = await work.UpdateAsync(id, request, cancellationToken);
                if (updated.Kind == OutcomeKind.NotFound)
                {
                    return NotFound();
                }

                if (updated.IsDone)
                {
                    Message = $"Das Treffen „{request.Title!.Trim()}“ ist gespeichert.";
                    return Redirect("/Partners/Treffen");
                }

                updated.CopyTo(ModelState, f => f);
            }
            else
            {
                var outcome = await work.CreateAsync(request, cancellationToken);
                if (outcome.IsDone)
                {
                    Message = $"Das Treffen „{request.Title!.Trim()}“ ist erfasst.";
                    return Redirect("/Partners/Treffen");
                }

                outcome.CopyTo(ModelState, f => f);
            }
        }

        if (meetingId is { } editing)
        {
            Editing = await work.GetAsync(editing, cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid meetingId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        var outcome = await work.MarkDoneAsync(meetingId, actionId, done, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Message = done ? "Die Vereinbarung ist erledigt." : "Die Vereinbarung ist wieder offen.";
        return Redirect("/Partners/Treffen");
    }

    public string? ErrorFor(string key) => ModelState.MessagesFor(key);

    /// <summary>What was typed (when the form comes back with messages), else the edited meeting's value.</summary>
    public string? Posted(string key) => Request.HasFormContentType ? Request.Form[key].FirstOrDefault() : Stored(key);

    public bool PostedPartner(Guid id) => Request.HasFormContentType
        ? Request.Form["partnerIds"].Contains(id.ToString())
        : Editing?.PartnerIds.Contains(id) == true;

    /// <summary>The version the form sends back: the one first read, also after a refusal (a conflict stays a conflict).</summary>
    public string? VersionField => Request.HasFormContentType ? Request.Form["version"].FirstOrDefault() : Editing?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string? Stored(string key)
    {
        if (Editing is not { } m)
        {
            return null;
        }

        if (key.StartsWith("actions[", StringComparison.Ordinal))
        {
            var close = key.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(key[8..close], System.Globalization.CultureInfo.InvariantCulture);
            if (index >= m.Actions.Count)
            {
                return null;
            }

            var action = m.Actions[index];
            return key[(close + 2)..] switch
            {
                "text" => action.Text,
                "owner" => action.Owner,
                "dueOn" => action.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                "id" => action.Id.ToString(),
                _ => null,
            };
        }

        return key switch
        {
            "date" => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "title" => m.Title,
            "topics" => string.Join('\n', m.Topics),
            "minutes" => m.Minutes,
            _ => null,
        };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        OpenActions = await work.OpenActionsAsync(cancellationToken);
        Meetings = await work.ListAsync(cancellationToken);
        PartnerNames = (await session.Query<Partner>().Where(p => p.Status != PartnerStatus.Ended).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => p.Name);
    }
}
