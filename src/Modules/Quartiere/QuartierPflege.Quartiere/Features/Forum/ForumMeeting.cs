using FluentValidation;
using JasperFx;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Quartiere.Features.Forum;

/// <summary>Something the forum agreed on: who takes care of it until when; done once marked so (it stays in the minutes).</summary>
internal sealed record ForumAction(Guid Id, string Text, string Owner, LocalDate DueOn, LocalDate? DoneOn = null, string? DoneBy = null)
{
    public bool IsOpen => DoneOn is null;
}

/// <summary>
/// A meeting of a Quartier's Stadtteilforum. Residents appear by name only when they agreed to be named
/// (<see cref="NamesConsented"/>); everybody else is a number.
/// </summary>
internal sealed class ForumMeeting : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Quartier { get; set; } = string.Empty;

    public LocalDate Date { get; set; }

    public string Place { get; set; } = string.Empty;

    public string? Agenda { get; set; }

    public List<string> NamedParticipants { get; set; } = [];

    public bool NamesConsented { get; set; }

    public int OtherParticipants { get; set; }

    public string? Minutes { get; set; }

    public List<ForumAction> Actions { get; set; } = [];

    /// <summary>When retention removed names, minutes and owners; date, Quartier and the head count stay.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public int Version { get; set; }

    public int ParticipantCount => NamedParticipants.Count + OtherParticipants;
}

/// <summary>An agreed action as sent; <paramref name="Id"/> names one the meeting has (it keeps its done state).</summary>
internal sealed record ForumActionInput(string? Text, string? Owner, LocalDate? DueOn, Guid? Id = null);

/// <summary>A meeting to record or (with the <paramref name="Version"/> read) to edit, with the whole list of actions.</summary>
internal sealed record SaveForumMeetingRequest(
    string? Quartier,
    LocalDate? Date,
    string? Place,
    string? Agenda,
    List<string>? NamedParticipants,
    bool NamesConsented,
    int? OtherParticipants,
    string? Minutes,
    List<ForumActionInput>? Actions,
    int? Version = null);

internal sealed class SaveForumMeetingRequestValidator : AbstractValidator<SaveForumMeetingRequest>
{
    public SaveForumMeetingRequestValidator(IQuartierList quartiere)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Quartier).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("Bitte wählen Sie das Quartier.")
            .MustAsync(async (q, ct) => await quartiere.FindAsync(q!, ct) is not null).WithMessage("Bitte wählen Sie ein Quartier aus der Liste.");
        RuleFor(r => r.Date).NotNull().WithMessage("Bitte geben Sie das Datum des Treffens an.");
        RuleFor(r => r.Place).Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage("Bitte geben Sie an, wo das Treffen war.")
            .Must(p => p!.Trim().Length <= 200).WithMessage("Der Ort darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Agenda).Must(a => a is null || a.Trim().Length <= 4000).WithMessage("Die Tagesordnung darf höchstens 4000 Zeichen lang sein.");
        RuleFor(r => r.Minutes).Must(m => m is null || m.Trim().Length <= 20000).WithMessage("Das Protokoll darf höchstens 20000 Zeichen lang sein.");
        RuleFor(r => r.NamedParticipants)
            .Must(p => p is null || p.Count <= 100).WithMessage("Es sind höchstens 100 Namen möglich.")
            .Must(p => p is null || p.All(n => n.Trim().Length <= 200)).WithMessage("Ein Name darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.NamesConsented)
            .Must((r, consented) => consented || !(r.NamedParticipants ?? []).Any(n => !string.IsNullOrWhiteSpace(n)))
            .WithMessage("Bewohner:innen werden nur mit ihrer Einwilligung namentlich genannt. Bitte bestätigen Sie die Einwilligung oder zählen Sie sie nur.");
        RuleFor(r => r.OtherParticipants).Must(n => n is null or >= 0 and <= 10000).WithMessage("Bitte geben Sie eine Zahl von 0 bis 10000 an.");
        RuleFor(r => r.Actions).Must(a => a is null || a.Count <= 30).WithMessage("Es sind höchstens 30 Vereinbarungen möglich.");
        RuleForEach(r => r.Actions).ChildRules(a =>
        {
            a.RuleLevelCascadeMode = CascadeMode.Stop;
            a.RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Bitte beschreiben Sie die Vereinbarung.")
                .Must(t => t!.Trim().Length <= 500).WithMessage("Eine Vereinbarung darf höchstens 500 Zeichen lang sein.");
            a.RuleFor(x => x.Owner).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Bitte geben Sie an, wer sich kümmert.")
                .Must(o => o!.Trim().Length <= 200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
            a.RuleFor(x => x.DueOn).NotNull().WithMessage("Bitte geben Sie an, bis wann.");
        });
    }
}

/// <summary>Coordination records forum meetings and marks agreed actions done; case managers read.</summary>
internal sealed class ForumWork(IDocumentSession session, ICurrentUser user, IClock clock, IValidator<SaveForumMeetingRequest> validator)
{
    public async Task<Outcome<Guid>> CreateAsync(SaveForumMeetingRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (request.Actions?.Any(a => a.Id is not null) == true)
        {
            return Outcome<Guid>.Invalid("actions", "Ein neues Treffen hat noch keine Vereinbarungen mit Kennung.");
        }

        var meeting = new ForumMeeting();
        Apply(meeting, request);
        session.Insert(meeting);
        return await session.SaveOrConflictAsync(meeting.Id, cancellationToken);
    }

    public async Task<Outcome<int>> UpdateAsync(Guid id, SaveForumMeetingRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<int>.Invalid("version", "Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.");
        }

        var meeting = await session.LoadAsync<ForumMeeting>(id, cancellationToken);
        if (meeting is null)
        {
            return Outcome<int>.NotFound("Das Treffen wurde nicht gefunden.");
        }

        var actions = request.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].Id is { } actionId && meeting.Actions.All(a => a.Id != actionId))
            {
                return Outcome<int>.Invalid($"actions[{i}]", "Diese Vereinbarung gehört nicht zu dem Treffen. Bitte laden Sie die Seite neu.");
            }
        }

        Apply(meeting, request);
        session.UpdateRevision(meeting, version + 1);
        return await session.SaveOrConflictAsync(version + 1, cancellationToken);
    }

    /// <summary>Marks an action done (it leaves the open list) or open again; the same state twice changes nothing.</summary>
    public async Task<Outcome<int>> MarkDoneAsync(Guid meetingId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        var meeting = await session.LoadAsync<ForumMeeting>(meetingId, cancellationToken);
        var action = meeting?.Actions.FirstOrDefault(a => a.Id == actionId);
        if (meeting is null || action is null)
        {
            return Outcome<int>.NotFound("Die Vereinbarung wurde nicht gefunden.");
        }

        if (action.IsOpen != done)
        {
            return Outcome<int>.Done(meeting.Version);
        }

        meeting.Actions[meeting.Actions.IndexOf(action)] = done
            ? action with { DoneOn = clock.Today(), DoneBy = user.DisplayName }
            : action with { DoneOn = null, DoneBy = null };
        session.UpdateRevision(meeting, meeting.Version + 1);
        return await session.SaveOrConflictAsync(meeting.Version + 1, cancellationToken);
    }

    private static void Apply(ForumMeeting meeting, SaveForumMeetingRequest request)
    {
        var before = meeting.Actions.ToDictionary(a => a.Id);
        meeting.Quartier = request.Quartier!.Trim();
        meeting.Date = request.Date!.Value;
        meeting.Place = request.Place!.Trim();
        meeting.Agenda = Optional(request.Agenda);
        meeting.NamedParticipants = [.. (request.NamedParticipants ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct()];
        meeting.NamesConsented = meeting.NamedParticipants.Count > 0 && request.NamesConsented;
        meeting.OtherParticipants = request.OtherParticipants ?? 0;
        meeting.Minutes = Optional(request.Minutes);
        meeting.Actions = [.. (request.Actions ?? []).Select(a => a.Id is { } known && before.TryGetValue(known, out var kept)
            ? kept with { Text = a.Text!.Trim(), Owner = a.Owner!.Trim(), DueOn = a.DueOn!.Value }
            : new ForumAction(Guid.NewGuid(), a.Text!.Trim(), a.Owner!.Trim(), a.DueOn!.Value))];
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record OpenForumAction(Guid MeetingId, string Quartier, LocalDate MeetingDate, Guid ActionId, string Text, string Owner, LocalDate DueOn);

internal sealed class ForumQueries(IQuerySession session)
{
    public async Task<IReadOnlyList<ForumMeeting>> MeetingsAsync(string? quartier, CancellationToken cancellationToken)
    {
        var query = session.Query<ForumMeeting>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(quartier))
        {
            query = query.Where(m => m.Quartier == quartier);
        }

        return await query.OrderByDescending(m => m.Date).Take(200).ToListAsync(cancellationToken);
    }

    public Task<ForumMeeting?> MeetingAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<ForumMeeting>(id, cancellationToken);

    /// <summary>Every action not yet done, of all meetings, the earliest due first.</summary>
    public async Task<IReadOnlyList<OpenForumAction>> OpenActionsAsync(CancellationToken cancellationToken)
        => [.. (await session.Query<ForumMeeting>().ToListAsync(cancellationToken))
            .SelectMany(m => m.Actions.Where(a => a.IsOpen).Select(a => new OpenForumAction(m.Id, m.Quartier, m.Date, a.Id, a.Text, a.Owner, a.DueOn)))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Quartier, StringComparer.Ordinal)];
}
