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

/// <summary>Network meetings of the AG Sozialmanagement: the open actions first, the meetings, and a form for a new one.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class TreffenModel(MeetingWork work, IQuerySession session, IClock clock) : PageModel
{
    public const int ActionRows = 3;

    public IReadOnlyList<(NetworkMeeting Meeting, AgreedAction Action)> OpenActions { get; private set; } = [];

    public IReadOnlyList<NetworkMeeting> Meetings { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> PartnerNames { get; private set; } = new Dictionary<Guid, string>();

    public LocalDate Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

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

        var actions = new List<ActionInput>();
        for (var i = 0; i < ActionRows; i++)
        {
            var text = form[$"actions[{i}].text"].FirstOrDefault();
            var owner = form[$"actions[{i}].owner"].FirstOrDefault();
            var due = Date($"actions[{i}].dueOn");
            // A row left empty is no action (the form always offers three).
            if (!string.IsNullOrWhiteSpace(text) || !string.IsNullOrWhiteSpace(owner) || due is not null)
            {
                actions.Add(new ActionInput(text, owner, due));
            }
        }

        var request = new SaveMeetingRequest(Date("date"), form["title"].FirstOrDefault(),
            [.. form["partnerIds"].Select(p => Guid.TryParse(p, out var id) ? id : Guid.Empty)],
            [.. (form["topics"].FirstOrDefault() ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            form["minutes"].FirstOrDefault(), actions);
        if (ModelState.IsValid)
        {
            var outcome = await work.CreateAsync(request, cancellationToken);
            if (outcome.IsDone)
            {
                Message = $"Das Treffen „{request.Title!.Trim()}“ ist erfasst.";
                return Redirect("/Partners/Treffen");
            }

            outcome.CopyTo(ModelState, f => f);
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

    /// <summary>What was typed, shown again when the form comes back with messages.</summary>
    public string? Posted(string key) => Request.HasFormContentType ? Request.Form[key].FirstOrDefault() : null;

    public bool PostedPartner(Guid id) => Request.HasFormContentType && Request.Form["partnerIds"].Contains(id.ToString());

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
