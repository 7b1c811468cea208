using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Volunteers.Features.Visits;

internal sealed record LogVisitRequest(Guid? AssignmentId, LocalDate? Date, int? Minutes, string? Kind, decimal? Kilometres, string? Note);

internal sealed record ReturnLogRequest(string? Comment);

internal sealed record ConfirmLogsRequest(IReadOnlyList<Guid>? Ids);

/// <summary>An assignment as the volunteer sees it: street, what the help is, hours. Nothing else about the resident.</summary>
internal sealed record AssignmentView(Guid Id, string RoleProfileKey, string Street, string HouseNumber, string Description, int HoursPerMonth, LocalDate StartsOn, bool Active);

internal sealed record LogView(Guid Id, Guid AssignmentId, LocalDate Date, int Minutes, string Kind, string KindName, decimal Kilometres, string? Note, ActivityState State, string StateName, string? ReturnComment, int Version);

internal sealed record PendingLogView(Guid Id, Guid VolunteerId, string VolunteerName, LocalDate Date, int Minutes, string KindName, decimal Kilometres, string? Note, Instant SubmittedAt);

internal sealed record MonthHours(YearMonth Month, decimal Hours, int Limit);

internal sealed class VisitLogs(IDocumentSession session, IMartenOutbox outbox, IClock clock)
{
    public const int NoteLimit = 500;
    public const int MaxMinutes = 12 * 60;

    public static IReadOnlyList<(string Key, string Name)> Kinds { get; } =
        [("besuch", "Besuch"), ("begleitung", "Begleitung"), ("einkauf", "Einkauf"), ("fahrt", "Fahrt"), ("haushalt", "Hilfe im Haushalt"), ("telefonat", "Telefonat")];

    public static string KindName(string key) => Kinds.FirstOrDefault(k => k.Key == key).Name ?? key;

    public static string StateName(ActivityState state) => state switch
    {
        ActivityState.Submitted => "eingereicht",
        ActivityState.Confirmed => "bestätigt",
        ActivityState.Returned => "zurückgegeben",
        _ => "storniert",
    };

    public async Task<IReadOnlyList<AssignmentView>> AssignmentsOfAsync(Guid volunteerId, CancellationToken cancellationToken)
        => [.. (await session.Query<Assignment>().Where(a => a.VolunteerId == volunteerId).OrderByDescending(a => a.StartsOn).ToListAsync(cancellationToken))
            .Select(a => new AssignmentView(a.Id, a.RoleProfileKey, a.Street, a.HouseNumber, a.Description, a.HoursPerMonth, a.StartsOn, a.Status == AssignmentStatus.Active))];

    public async Task<IReadOnlyList<LogView>> LogsOfAsync(Guid volunteerId, CancellationToken cancellationToken)
        => [.. (await session.Query<ActivityLog>().Where(l => l.VolunteerId == volunteerId).OrderByDescending(l => l.Date).Take(200).ToListAsync(cancellationToken))
            .Select(View)];

    /// <summary>One of the volunteer's own logs with its assignment (null for anyone else's: 404).</summary>
    public async Task<(LogView Log, AssignmentView? Assignment)?> OwnLogAsync(Guid volunteerId, Guid logId, CancellationToken cancellationToken)
    {
        var log = await session.LoadAsync<ActivityLog>(logId, cancellationToken);
        if (log is null || log.VolunteerId != volunteerId)
        {
            return null;
        }

        var assignment = (await AssignmentsOfAsync(volunteerId, cancellationToken)).FirstOrDefault(a => a.Id == log.AssignmentId);
        return (View(log), assignment);
    }

    public static LogView View(ActivityLog l) => new(l.Id, l.AssignmentId, l.Date, l.Minutes, l.Kind, KindName(l.Kind), l.Kilometres, l.Note, l.State, StateName(l.State), l.ReturnComment, l.Version);

    /// <summary>Hours logged this month (not cancelled or returned) against the limit of the volunteer's roles.</summary>
    public async Task<MonthHours> HoursThisMonthAsync(Volunteer volunteer, CancellationToken cancellationToken)
    {
        var month = clock.ThisMonth();
        var (from, to) = (month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1));
        var id = volunteer.Id;
        var minutes = (await session.Query<ActivityLog>().Where(l => l.VolunteerId == id && l.Date >= from && l.Date < to).ToListAsync(cancellationToken))
            .Where(l => l.State is ActivityState.Submitted or ActivityState.Confirmed).Sum(l => l.Minutes);
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        var limit = volunteer.ActiveRoles.Select(r => roles.TryGetValue(r, out var role) ? role.MaxHoursPerMonth : 0).DefaultIfEmpty(0).Max();
        return new MonthHours(month, Math.Round(minutes / 60m, 2), limit);
    }

    public async Task<Outcome<Guid>> LogAsync(Volunteer volunteer, LogVisitRequest request, CancellationToken cancellationToken)
    {
        var assignment = request.AssignmentId is { } assignmentId ? await session.LoadAsync<Assignment>(assignmentId, cancellationToken) : null;
        var errors = Check(request, assignment is not null && assignment.VolunteerId == volunteer.Id ? assignment : null);
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var log = new ActivityLog
        {
            VolunteerId = volunteer.Id,
            AssignmentId = assignment!.Id,
            RoleProfileKey = assignment.RoleProfileKey,
            Date = request.Date!.Value,
            Minutes = request.Minutes!.Value,
            Kind = request.Kind!,
            Kilometres = request.Kilometres ?? 0,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            State = ActivityState.Submitted,
            SubmittedAt = clock.GetCurrentInstant(),
        };
        session.Insert(log);
        await session.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Done(log.Id);
    }

    /// <summary>
    /// The volunteer corrects their log: a returned or submitted one is simply changed and submitted again; a confirmed
    /// one goes back to the coordinator and <c>activity-corrected</c> tells compensation.
    /// </summary>
    public async Task<Outcome<Guid>> CorrectAsync(Volunteer volunteer, Guid logId, LogVisitRequest request, int? version, CancellationToken cancellationToken)
    {
        var log = await session.LoadAsync<ActivityLog>(logId, cancellationToken);
        if (log is null || log.VolunteerId != volunteer.Id)
        {
            return Outcome<Guid>.NotFound("Der Einsatznachweis wurde nicht gefunden.");
        }

        if (log.State == ActivityState.Cancelled)
        {
            return Outcome<Guid>.Conflict("Ein stornierter Einsatznachweis kann nicht mehr geändert werden.");
        }

        var assignment = await session.LoadAsync<Assignment>(log.AssignmentId, cancellationToken);
        var errors = Check(request with { AssignmentId = log.AssignmentId }, assignment);
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        if (version != log.Version)
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var wasConfirmed = log.State == ActivityState.Confirmed;
        log.Date = request.Date!.Value;
        log.Minutes = request.Minutes!.Value;
        log.Kind = request.Kind!;
        log.Kilometres = request.Kilometres ?? 0;
        log.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        log.State = ActivityState.Submitted;
        log.ReturnComment = null;
        if (wasConfirmed)
        {
            await outbox.PublishAsync(new ActivityCorrected(Guid.NewGuid(), clock.GetCurrentInstant(), log.Id, log.VolunteerId, log.Date, log.Minutes, log.Kilometres, Cancelled: false));
        }

        return await SaveAsync(log, cancellationToken);
    }

    public async Task<IReadOnlyList<PendingLogView>> PendingAsync(CancellationToken cancellationToken)
    {
        var logs = await session.Query<ActivityLog>().Where(l => l.State == ActivityState.Submitted).OrderBy(l => l.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        var names = (await session.LoadManyAsync<Volunteer>(cancellationToken, logs.Select(l => l.VolunteerId).Distinct())).ToDictionary(v => v.Id, v => v.DisplayName);
        return [.. logs.Select(l => new PendingLogView(l.Id, l.VolunteerId, names.GetValueOrDefault(l.VolunteerId, "–"), l.Date, l.Minutes, KindName(l.Kind), l.Kilometres, l.Note, l.SubmittedAt))];
    }

    /// <summary>Confirms many at once; ones already confirmed (a double click) are left as they are.</summary>
    public async Task<Outcome<int>> ConfirmAsync(ConfirmLogsRequest request, CancellationToken cancellationToken)
    {
        var ids = (request.Ids ?? []).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return Outcome<int>.Invalid("ids", "Bitte wählen Sie mindestens einen Einsatznachweis.");
        }

        var logs = await session.LoadManyAsync<ActivityLog>(cancellationToken, ids);
        if (logs.Count != ids.Length)
        {
            return Outcome<int>.NotFound("Ein Einsatznachweis wurde nicht gefunden.");
        }

        var now = clock.GetCurrentInstant();
        var confirmed = 0;
        foreach (var log in logs.Where(l => l.State == ActivityState.Submitted))
        {
            log.State = ActivityState.Confirmed;
            log.ConfirmedAt = now;
            session.UpdateRevision(log, log.Version + 1);
            await outbox.PublishAsync(new ActivityConfirmed(Guid.NewGuid(), now, log.Id, log.VolunteerId, log.AssignmentId, log.RoleProfileKey, log.Date, log.Minutes, log.Kilometres, log.Kind));
            confirmed++;
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (BuildingBlocks.Documents.ConcurrentEdits.IsConflict(e))
        {
            return Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<int>.Done(confirmed);
    }

    public async Task<Outcome<Guid>> ReturnAsync(Guid logId, ReturnLogRequest request, CancellationToken cancellationToken)
    {
        var log = await session.LoadAsync<ActivityLog>(logId, cancellationToken);
        if (log is null)
        {
            return Outcome<Guid>.NotFound("Der Einsatznachweis wurde nicht gefunden.");
        }

        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            return Outcome<Guid>.Invalid("comment", "Bitte schreiben Sie, was korrigiert werden soll.");
        }

        if (request.Comment.Length > NoteLimit)
        {
            return Outcome<Guid>.Invalid("comment", $"Der Kommentar darf höchstens {NoteLimit} Zeichen lang sein.");
        }

        if (log.State != ActivityState.Submitted)
        {
            return Outcome<Guid>.Conflict("Nur eingereichte Einsatznachweise können zurückgegeben werden.");
        }

        log.State = ActivityState.Returned;
        log.ReturnComment = request.Comment.Trim();
        return await SaveAsync(log, cancellationToken);
    }

    private async Task<Outcome<Guid>> SaveAsync(ActivityLog log, CancellationToken cancellationToken)
    {
        session.UpdateRevision(log, log.Version + 1);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (BuildingBlocks.Documents.ConcurrentEdits.IsConflict(e))
        {
            return Outcome<Guid>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        return Outcome<Guid>.Done(log.Id);
    }

    private Dictionary<string, string[]> Check(LogVisitRequest request, Assignment? assignment)
    {
        var errors = new Dictionary<string, string[]>();
        var today = clock.Today();
        if (assignment is null)
        {
            errors["assignmentId"] = ["Bitte wählen Sie einen Ihrer Einsätze."];
        }

        if (request.Date is null)
        {
            errors["date"] = ["Bitte geben Sie das Datum des Einsatzes an."];
        }
        else if (request.Date > today)
        {
            errors["date"] = ["Das Datum darf nicht in der Zukunft liegen."];
        }
        else if (assignment is not null && request.Date < assignment.StartsOn)
        {
            errors["date"] = [$"Das Datum darf nicht vor dem Beginn des Einsatzes ({GermanDates.Show(assignment.StartsOn)}) liegen."];
        }

        if (request.Minutes is null or <= 0)
        {
            errors["minutes"] = ["Bitte geben Sie die Dauer in Minuten an (mehr als 0)."];
        }
        else if (request.Minutes > MaxMinutes)
        {
            errors["minutes"] = ["Ein Einsatz kann höchstens 12 Stunden (720 Minuten) dauern."];
        }

        if (request.Kind is null || Kinds.All(k => k.Key != request.Kind))
        {
            errors["kind"] = ["Bitte wählen Sie die Art des Einsatzes."];
        }

        if (request.Kilometres is < 0 or > 1000)
        {
            errors["kilometres"] = ["Die Kilometer müssen zwischen 0 und 1000 liegen."];
        }

        if (request.Note is { Length: > NoteLimit })
        {
            errors["note"] = [$"Die Notiz darf höchstens {NoteLimit} Zeichen lang sein (jetzt {request.Note.Length})."];
        }

        return errors;
    }
}
