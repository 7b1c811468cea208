using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Features.Forum;

namespace QuartierPflege.Quartiere.Areas.Quartiere.Pages.Forum;

/// <summary>
/// The Stadtteilforum: open actions of all meetings first, then the meetings with minutes (the residents' groups have
/// their own page, /Quartiere/Gruppen).
/// Case managers read; coordination records, edits and marks actions done.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
internal sealed class IndexModel(ForumQueries queries, ForumWork work, ICurrentUser user, IClock clock) : PageModel
{
    public IReadOnlyList<OpenForumAction> OpenActions { get; private set; } = [];

    public IReadOnlyList<ForumMeeting> Meetings { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public bool IsCoordination => user.IsInRole(Roles.Koordination);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today();
        OpenActions = await queries.OpenActionsAsync(cancellationToken);
        Meetings = await queries.MeetingsAsync(null, cancellationToken);
    }

    public async Task<IActionResult> OnPostErledigtAsync(Guid meetingId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        if (!IsCoordination)
        {
            return Forbid();
        }

        var outcome = await work.MarkDoneAsync(meetingId, actionId, done, cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        Message = outcome.IsDone ? (done ? "Die Vereinbarung ist erledigt." : "Die Vereinbarung ist wieder offen.") : outcome.Message;
        return Redirect("/Quartiere/Forum");
    }
}
