using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features;
using QuartierPflege.Volunteers.Features.RoleProfiles;
using QuartierPflege.Volunteers.Features.Trainings;
using QuartierPflege.Volunteers.Features.Visits;
using NodaTime;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>A volunteer's own area on the phone: roles and what is missing, trainings, assignments, logging a visit.</summary>
[Authorize(Policy = Policies.Volunteering)]
internal sealed class IndexModel(VolunteerAccess access, TrainingFeatures trainings, VisitLogs logs, RoleProfileFeatures roles, IClock clock) : PageModel
{
    public Volunteer? Me { get; private set; }

    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public IReadOnlyList<RoleProfile> OpenRoles { get; private set; } = [];

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IReadOnlyList<AssignmentView> Assignments { get; private set; } = [];

    public IReadOnlyList<LogView> Logs { get; private set; } = [];

    public MonthHours? Hours { get; private set; }

    [BindProperty]
    public VisitLogForm Log { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public bool IsCoordination => access.IsCoordination;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Log.Date = clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(string? roleProfileKey, CancellationToken cancellationToken)
        => await WithMeAsync(async me => await trainings.EnrolAsync(me, new EnrolRequest(roleProfileKey), cancellationToken), "Sie sind für die Rolle eingetragen.", cancellationToken);

    public async Task<IActionResult> OnPostBookAsync(Guid sessionId, CancellationToken cancellationToken)
        => await WithMeAsync(async me => await trainings.BookAsync(me, sessionId, cancellationToken), "Der Termin ist gebucht.", cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken cancellationToken)
        => await WithMeAsync(async me => await trainings.CancelAsync(me, sessionId, cancellationToken), "Der Termin ist abgesagt.", cancellationToken);

    public async Task<IActionResult> OnPostLogAsync(CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        ModelState.Clear();
        var outcome = await logs.LogAsync(me, Log.ToRequest(), cancellationToken);
        if (!outcome.IsDone)
        {
            outcome.CopyTo(ModelState, nameof(Log));
            await LoadAsync(cancellationToken);
            return Page();
        }

        Message = "Ihr Einsatz ist eingetragen. Die Koordination bestätigt ihn.";
        return Redirect("/Volunteers");
    }

    private async Task<IActionResult> WithMeAsync<T>(Func<Volunteer, Task<Outcome<T>>> action, string done, CancellationToken cancellationToken)
    {
        if (await access.MeAsync(cancellationToken) is not { } me)
        {
            return NotFound();
        }

        // The use case's own German reason ("schon eingetragen", "noch nicht bestätigt") says more than a generic failure.
        var outcome = await action(me);
        Message = outcome.IsDone ? done
            : outcome.Message ?? outcome.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? "Das hat nicht geklappt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.";
        return Redirect("/Volunteers");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = await access.MeAsync(cancellationToken);
        if (Me is null)
        {
            return;
        }

        Enrolments = await trainings.EnrolmentsOfAsync(Me, cancellationToken);
        var all = await roles.AllAsync(cancellationToken);
        OpenRoles = [.. all.Values.Where(r => Enrolments.All(e => e.RoleProfileKey != r.Id)).OrderBy(r => r.Name, StringComparer.Ordinal)];
        Sessions = await trainings.UpcomingAsync(Me.Id, cancellationToken);
        Assignments = await logs.AssignmentsOfAsync(Me.Id, cancellationToken);
        Logs = await logs.LogsOfAsync(Me.Id, cancellationToken);
        Hours = await logs.HoursThisMonthAsync(Me, cancellationToken);
    }
}
