using FluentValidation;
using JasperFx;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Domain;
using Wolverine.Marten;

namespace QuartierPflege.Partners.Meetings;

internal sealed record AgreedAction(Guid Id, string Text, string Owner, LocalDate DueOn, LocalDate? DoneOn = null, string? DoneBy = null);

/// <summary>A meeting of the AG Sozialmanagement: who took part, what was discussed, what was agreed by whom until when.</summary>
internal sealed class NetworkMeeting : IRevisioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public LocalDate Date { get; set; }

    public string Title { get; set; } = string.Empty;

    public List<Guid> PartnerIds { get; set; } = [];

    public List<string> Topics { get; set; } = [];

    public string? Minutes { get; set; }

    public List<AgreedAction> Actions { get; set; } = [];

    /// <summary>Set when the names and the minutes were removed after the retention period.</summary>
    public LocalDate? AnonymisedOn { get; set; }

    public int Version { get; set; }
}

/// <summary>An agreed action as the form sends it; <paramref name="Id"/> names an action the meeting has (kept with its done state).</summary>
internal sealed record ActionInput(string? Text, string? Owner, LocalDate? DueOn, Guid? Id = null);

/// <summary>
/// A meeting to record or edit. An edit carries the <paramref name="Version"/> it read and the whole list of actions:
/// with an id = kept (edited), without = new, missing = removed.
/// </summary>
internal sealed record SaveMeetingRequest(
    LocalDate? Date, string? Title, List<Guid>? PartnerIds, List<string>? Topics, string? Minutes, List<ActionInput>? Actions, int? Version = null);

internal sealed class SaveMeetingRequestValidator : AbstractValidator<SaveMeetingRequest>
{
    public SaveMeetingRequestValidator()
    {
        RuleFor(r => r.Date).NotNull().WithMessage("Bitte geben Sie das Datum des Treffens an.");
        RuleFor(r => r.Title).NotEmpty().WithMessage("Bitte geben Sie einen Titel an.")
            .MaximumLength(200).WithMessage("Der Titel darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Topics).Must(t => t is null || t.Count <= 20).WithMessage("Es sind höchstens 20 Themen möglich.");
        RuleForEach(r => r.Topics).MaximumLength(200).WithMessage("Ein Thema darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Minutes).MaximumLength(20000).WithMessage("Das Protokoll darf höchstens 20000 Zeichen lang sein.");
        RuleFor(r => r.Actions).Must(a => a is null || a.Count <= 30).WithMessage("Es sind höchstens 30 Vereinbarungen möglich.");
        RuleForEach(r => r.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.Text).NotEmpty().WithMessage("Bitte beschreiben Sie die Vereinbarung.")
                .MaximumLength(500).WithMessage("Eine Vereinbarung darf höchstens 500 Zeichen lang sein.");
            a.RuleFor(x => x.Owner).NotEmpty().WithMessage("Bitte geben Sie an, wer sich kümmert.")
                .MaximumLength(200).WithMessage("Der Name darf höchstens 200 Zeichen lang sein.");
            a.RuleFor(x => x.DueOn).NotNull().WithMessage("Bitte geben Sie an, bis wann.");
        });
    }
}

/// <summary>Records a network meeting with its agreed actions, and marks actions done.</summary>
internal sealed class MeetingWork(IDocumentSession session, IMartenOutbox outbox, ICurrentUser user, IClock clock, IValidator<SaveMeetingRequest> validator)
{
    public async Task<Outcome<Guid>> CreateAsync(SaveMeetingRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Guid>.Invalid(validation);
        }

        if (await UnknownPartnerAsync(request, cancellationToken) is { } unknown)
        {
            return Outcome<Guid>.Invalid("partnerIds", unknown);
        }

        if (request.Actions?.Any(a => a.Id is not null) == true)
        {
            return Outcome<Guid>.Invalid("actions", "Ein neues Treffen hat noch keine Vereinbarungen mit Kennung.");
        }

        var meeting = new NetworkMeeting();
        Apply(meeting, request);
        session.Insert(meeting);
        return await session.SaveOrConflictAsync(outbox, meeting.Id, cancellationToken);
    }

    /// <summary>Edits a meeting under the revision its editor read (a concurrent edit is a 409); done actions stay done.</summary>
    public async Task<Outcome<int>> UpdateAsync(Guid id, SaveMeetingRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        if (request.Version is not { } version)
        {
            return Outcome<int>.Invalid("version", "Die Version des gelesenen Stands fehlt. Bitte laden Sie die Seite neu.");
        }

        var meeting = await session.LoadAsync<NetworkMeeting>(id, cancellationToken);
        if (meeting is null)
        {
            return Outcome<int>.NotFound("Das Treffen wurde nicht gefunden.");
        }

        if (await UnknownPartnerAsync(request, cancellationToken) is { } unknown)
        {
            return Outcome<int>.Invalid("partnerIds", unknown);
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
        session.UpdateRevision(meeting, version + 1L);
        return await session.SaveOrConflictAsync(outbox, version + 1, cancellationToken);
    }

    private async Task<string?> UnknownPartnerAsync(SaveMeetingRequest request, CancellationToken cancellationToken)
    {
        var partnerIds = (request.PartnerIds ?? []).Distinct().ToList();
        var known = partnerIds.Count == 0 ? [] : (await session.LoadManyAsync<Partner>(cancellationToken, partnerIds)).Select(p => p.Id).ToHashSet();
        return partnerIds.Any(id => !known.Contains(id)) ? "Ein gewählter Partner ist nicht im Verzeichnis." : null;
    }

    private static void Apply(NetworkMeeting meeting, SaveMeetingRequest request)
    {
        var before = meeting.Actions.ToDictionary(a => a.Id);
        meeting.Date = request.Date!.Value;
        meeting.Title = request.Title!.Trim();
        meeting.PartnerIds = (request.PartnerIds ?? []).Distinct().ToList();
        meeting.Topics = [.. (request.Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];
        meeting.Minutes = string.IsNullOrWhiteSpace(request.Minutes) ? null : request.Minutes.Trim();
        meeting.Actions = [.. (request.Actions ?? []).Select(a => a.Id is { } known && before.TryGetValue(known, out var kept)
            ? kept with { Text = a.Text!.Trim(), Owner = a.Owner!.Trim(), DueOn = a.DueOn!.Value }
            : new AgreedAction(Guid.NewGuid(), a.Text!.Trim(), a.Owner!.Trim(), a.DueOn!.Value))];
    }

    public async Task<Outcome<int>> MarkDoneAsync(Guid meetingId, Guid actionId, bool done, CancellationToken cancellationToken)
    {
        var meeting = await session.LoadAsync<NetworkMeeting>(meetingId, cancellationToken);
        var action = meeting?.Actions.FirstOrDefault(a => a.Id == actionId);
        if (meeting is null || action is null)
        {
            return Outcome<int>.NotFound("Die Vereinbarung wurde nicht gefunden.");
        }

        if ((action.DoneOn is not null) == done)
        {
            return Outcome<int>.Done(meeting.Version);
        }

        var index = meeting.Actions.IndexOf(action);
        meeting.Actions[index] = done ? action with { DoneOn = clock.Today(), DoneBy = user.DisplayName } : action with { DoneOn = null, DoneBy = null };
        session.UpdateRevision(meeting, meeting.Version + 1L);
        return await session.SaveOrConflictAsync(outbox, meeting.Version + 1, cancellationToken);
    }

    public async Task<IReadOnlyList<NetworkMeeting>> ListAsync(CancellationToken cancellationToken)
        => await session.Query<NetworkMeeting>().OrderByDescending(m => m.Date).Take(200).ToListAsync(cancellationToken);

    public Task<NetworkMeeting?> GetAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<NetworkMeeting>(id, cancellationToken);

    /// <summary>Every action not yet done, of every meeting, the earliest due first.</summary>
    public async Task<IReadOnlyList<(NetworkMeeting Meeting, AgreedAction Action)>> OpenActionsAsync(CancellationToken cancellationToken)
        => [.. (await session.Query<NetworkMeeting>().ToListAsync(cancellationToken))
            .SelectMany(m => m.Actions.Where(a => a.DoneOn is null).Select(a => (m, a)))
            .OrderBy(x => x.a.DueOn)];
}
