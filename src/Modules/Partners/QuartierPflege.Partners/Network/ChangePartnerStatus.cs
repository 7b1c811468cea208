using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;
using QuartierPflege.Quartiere.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.Partners.Network;

/// <summary>A status change: <see cref="From"/> is the first day of a pause or of the end, <see cref="Until"/> a pause's last day.</summary>
internal sealed record ChangePartnerStatusRequest(PartnerStatus? Status, LocalDate? From, LocalDate? Until, string? Note, int? Version);

internal sealed class ChangePartnerStatusRequestValidator : AbstractValidator<ChangePartnerStatusRequest>
{
    public ChangePartnerStatusRequestValidator()
    {
        RuleFor(r => r.Status).NotNull().WithMessage("Bitte wählen Sie den neuen Status.")
            .IsInEnum().WithMessage("Diesen Status gibt es nicht.");
        RuleFor(r => r.From).NotNull().When(r => r.Status is PartnerStatus.Paused or PartnerStatus.Ended)
            .WithMessage("Bitte geben Sie an, ab wann der Status gilt.");
        RuleFor(r => r.Until).Null().When(r => r.Status != PartnerStatus.Paused)
            .WithMessage("Ein Enddatum gibt es nur für eine Pause.");
        RuleFor(r => r.Until).Must((r, until) => until is null || r.From is null || until >= r.From)
            .WithMessage("Das Ende der Pause darf nicht vor ihrem Beginn liegen.");
        RuleFor(r => r.Note).MaximumLength(1000).WithMessage("Die Bemerkung darf höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version des gelesenen Stands fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>
/// Pauses, ends or re-activates a partner. The change counts at once (the matrix and the directory see it when it is
/// saved); <c>partner-unavailable</c> goes out with the commit when the partner stops being active or goes from paused
/// to ended, with the alternatives per category and Quartier. Saving the same status again publishes nothing.
/// </summary>
internal sealed class ChangePartnerStatus(
    IDocumentSession session,
    IMartenOutbox outbox,
    IQuartierList quartiere,
    ICurrentUser user,
    IClock clock,
    IValidator<ChangePartnerStatusRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid id, ChangePartnerStatusRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        var partner = await session.LoadAsync<Partner>(id, cancellationToken);
        if (partner is null)
        {
            return Outcome<int>.NotFound("Der Netzwerkpartner wurde nicht gefunden.");
        }

        var status = request.Status!.Value;
        var from = request.From ?? clock.Today();
        var until = status == PartnerStatus.Paused ? request.Until : null;
        var before = Describe(partner.Status, partner.StatusFrom, partner.PausedUntil);
        var after = Describe(status, from, until);
        var version = request.Version!.Value;
        if (before == after)
        {
            // Saved twice: nothing changed, nothing is published again.
            return version == partner.Version ? Outcome<int>.Done(version) : Outcome<int>.Conflict(ApiProblems.ConcurrentEditMessage);
        }

        var wasStatus = partner.Status;
        partner.Status = status;
        partner.StatusFrom = status == PartnerStatus.Active && request.From is null ? null : from;
        partner.PausedUntil = until;
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        partner.History.Add(new PartnerChange(clock.GetCurrentInstant(), user.Id, user.DisplayName, "Status", before,
            note is null ? after : $"{after} ({note})"));
        session.UpdateRevision(partner, version + 1L);

        if (status != PartnerStatus.Active && status != wasStatus)
        {
            await outbox.PublishAsync(await UnavailableAsync(partner, status, from, cancellationToken));
        }

        return await session.SaveOrConflictAsync(outbox, version + 1, cancellationToken);
    }

    private async Task<PartnerUnavailable> UnavailableAsync(Partner partner, PartnerStatus status, LocalDate from, CancellationToken cancellationToken)
    {
        var others = new Dictionary<Guid, Partner>();
        foreach (var category in partner.ServiceCategories)
        {
            var offering = await session.Query<Partner>()
                .Where(p => p.Status == PartnerStatus.Active && p.ServiceCategories.Contains(category))
                .ToListAsync(cancellationToken);
            foreach (var other in offering)
            {
                others.TryAdd(other.Id, other);
            }
        }

        var neighbours = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var quartier in partner.Quartiere)
        {
            neighbours[quartier] = (await quartiere.FindAsync(quartier, cancellationToken))?.Neighbours ?? [];
        }

        var alternatives = Coverage.AlternativesFor(partner, [.. others.Values], q => neighbours.GetValueOrDefault(q) ?? []);
        return new PartnerUnavailable(Guid.NewGuid(), clock.GetCurrentInstant(), partner.Id, status, from, alternatives);
    }

    public static string Describe(PartnerStatus status, LocalDate? from, LocalDate? until) => status switch
    {
        PartnerStatus.Active => "aktiv",
        PartnerStatus.Paused => $"pausiert ab {Show(from)}" + (until is { } u ? $" bis {GermanDates.Show(u)}" : " bis auf Weiteres"),
        _ => $"beendet ab {Show(from)}",
    };

    private static string Show(LocalDate? date) => date is { } d ? GermanDates.Show(d) : "–";
}
