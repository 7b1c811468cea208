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

    public int Version { get; set; }
}

internal sealed record ActionInput(string? Text, string? Owner, LocalDate? DueOn);

internal sealed record SaveMeetingRequest(LocalDate? Date, string? Title, List<Guid>? PartnerIds, List<string>? Topics, string? Minutes, List<ActionInput>? Actions);

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

        var partnerIds = (request.PartnerIds ?? []).Distinct().ToList();
        var known = partnerIds.Count == 0 ? [] : (await session.LoadManyAsync<Partner>(cancellationToken, partnerIds)).Select(p => p.Id).ToHashSet();
        if (partnerIds.Any(id => !known.Contains(id)))
        {
            return Outcome<Guid>.Invalid("partnerIds", "Ein gewählter Partner ist nicht im Verzeichnis.");
        }

        var meeting = new NetworkMeeting
        {
            Date = request.Date!.Value,
            Title = request.Title!.Trim(),
            PartnerIds = partnerIds,
            Topics = [.. (request.Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())],
            Minutes = string.IsNullOrWhiteSpace(request.Minutes) ? null : request.Minutes.Trim(),
            Actions = [.. (request.Actions ?? []).Select(a => new AgreedAction(Guid.NewGuid(), a.Text!.Trim(), a.Owner!.Trim(), a.DueOn!.Value))],
        };
        session.Insert(meeting);
        return await session.SaveOrConflictAsync(outbox, meeting.Id, cancellationToken);
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
