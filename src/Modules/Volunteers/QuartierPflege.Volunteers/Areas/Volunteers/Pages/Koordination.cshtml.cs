using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Registration;
using QuartierPflege.Volunteers.Features.Trainings;
using QuartierPflege.Volunteers.Features.Visits;

namespace QuartierPflege.Volunteers.Areas.Volunteers.Pages;

/// <summary>The coordinators' desk: registrations to confirm, training sessions and attendance, certificates to verify, logs to confirm.</summary>
[Authorize(Policy = Policies.Administration)]
internal sealed class KoordinationModel(IQuerySession query, ConfirmVolunteer confirm, TrainingFeatures trainings, VisitLogs logs) : PageModel
{
    public IReadOnlyList<Volunteer> Pending { get; private set; } = [];

    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<(Certificate Certificate, string VolunteerName)> Unverified { get; private set; } = [];

    public IReadOnlyList<PendingLogView> Logs { get; private set; } = [];

    [BindProperty]
    public SessionForm NewSession { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(Guid volunteerId, CancellationToken cancellationToken)
        => await DoneAsync(await confirm.HandleAsync(volunteerId, cancellationToken), "Die Anmeldung ist bestätigt; die Einladung ist unterwegs.", cancellationToken);

    public async Task<IActionResult> OnPostSessionAsync(CancellationToken cancellationToken)
    {
        var startsAt = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(NewSession.StartsAt ?? string.Empty);
        var outcome = await trainings.CreateSessionAsync(
            new CreateSessionRequest(NewSession.CourseKey, startsAt.Success ? startsAt.Value : null, NewSession.DurationMinutes, NewSession.Place, NewSession.Capacity), cancellationToken);
        return await DoneAsync(outcome, "Der Termin ist angelegt.", cancellationToken, nameof(NewSession));
    }

    public async Task<IActionResult> OnPostAttendanceAsync(Guid sessionId, List<Guid> attended, CancellationToken cancellationToken)
        => await DoneAsync(await trainings.RecordAttendanceAsync(sessionId, new AttendanceRequest(attended), cancellationToken), "Die Teilnahme ist erfasst; die Nachweise sind ausgestellt.", cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(Guid certificateId, CancellationToken cancellationToken)
        => await DoneAsync(await trainings.VerifyCertificateAsync(certificateId, cancellationToken), "Der Nachweis ist anerkannt.", cancellationToken);

    public async Task<IActionResult> OnPostConfirmLogsAsync(List<Guid> ids, CancellationToken cancellationToken)
        => await DoneAsync(await logs.ConfirmAsync(new ConfirmLogsRequest(ids), cancellationToken), "Die Einsatznachweise sind bestätigt.", cancellationToken);

    public async Task<IActionResult> OnPostReturnLogAsync(Guid logId, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await logs.ReturnAsync(logId, new ReturnLogRequest(comment), cancellationToken);
        if (outcome.IsDone)
        {
            Message = "Der Einsatznachweis ist zurückgegeben.";
            return Redirect("/Volunteers/Koordination");
        }

        // The message belongs to that log's comment field (and the summary links to it); what was typed stays.
        ModelState.Clear();
        outcome.CopyTo(ModelState, field => field.Length == 0 ? string.Empty : $"comment-{logId}");
        ReturnDraft = (logId, comment);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public (Guid LogId, string? Comment) ReturnDraft { get; private set; }

    private async Task<IActionResult> DoneAsync<T>(Outcome<T> outcome, string message, CancellationToken cancellationToken, string prefix = "")
    {
        if (outcome.IsDone)
        {
            Message = message;
            return Redirect("/Volunteers/Koordination");
        }

        ModelState.Clear();
        if (prefix.Length > 0)
        {
            outcome.CopyTo(ModelState, prefix);
        }
        else
        {
            outcome.CopyTo(ModelState, _ => string.Empty);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pending = await query.Query<Volunteer>().Where(v => v.Status == VolunteerStatus.Registered).OrderBy(v => v.RegisteredAt).Take(200).ToListAsync(cancellationToken);
        Sessions = [.. (await query.Query<TrainingSession>().Where(s => !s.AttendanceRecorded).ToListAsync(cancellationToken)).OrderBy(s => s.StartsAt).Take(50)];
        var ids = Sessions.SelectMany(s => s.Booked.Concat(s.WaitingList)).Distinct().ToArray();
        Names = (await query.LoadManyAsync<Volunteer>(cancellationToken, ids)).ToDictionary(v => v.Id, v => v.DisplayName);
        Unverified = await trainings.UnverifiedAsync(cancellationToken);
        Logs = await logs.PendingAsync(cancellationToken);
    }

    internal sealed class SessionForm
    {
        public string? CourseKey { get; set; }

        /// <summary>From a datetime-local field: 2026-03-02T17:00.</summary>
        public string? StartsAt { get; set; }

        public int? DurationMinutes { get; set; } = 90;

        public string? Place { get; set; }

        public int? Capacity { get; set; } = 12;
    }
}
