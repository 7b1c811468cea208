using FluentValidation;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.Partners.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.Partners.Referrals;

internal enum ReferralAnswer
{
    Accept,
    Decline,
    Complete,
}

/// <summary>
/// What staff record from the partner's answer. <see cref="Successful"/> only for a completion; a decline and an
/// unsuccessful completion need the reason.
/// </summary>
internal sealed record AnswerReferralRequest(ReferralAnswer? Answer, string? ContactPerson, bool? Successful, string? Reason, int? Version);

internal sealed class AnswerReferralRequestValidator : AbstractValidator<AnswerReferralRequest>
{
    public AnswerReferralRequestValidator()
    {
        RuleFor(r => r.Answer).NotNull().WithMessage("Bitte wählen Sie die Antwort des Partners.").IsInEnum().WithMessage("Diese Antwort gibt es nicht.");
        RuleFor(r => r.ContactPerson).MaximumLength(200).WithMessage("Die Ansprechperson darf höchstens 200 Zeichen lang sein.");
        RuleFor(r => r.Reason).MaximumLength(1000).WithMessage("Die Begründung darf höchstens 1000 Zeichen lang sein.");
        RuleFor(r => r.Reason).NotEmpty().When(r => r.Answer == ReferralAnswer.Decline).WithMessage("Bitte geben Sie an, warum der Partner ablehnt.");
        RuleFor(r => r.Successful).NotNull().When(r => r.Answer == ReferralAnswer.Complete).WithMessage("Bitte geben Sie an, ob die Vermittlung erfolgreich war.");
        RuleFor(r => r.Reason).NotEmpty().When(r => r.Answer == ReferralAnswer.Complete && r.Successful == false)
            .WithMessage("Bitte geben Sie an, warum die Vermittlung ohne Erfolg blieb.");
        RuleFor(r => r.Version).NotNull().WithMessage("Die Version des gelesenen Stands fehlt. Bitte laden Sie die Seite neu.");
    }
}

/// <summary>
/// Records the partner's answer and sends the matching event back to the case, in one commit. The first answer
/// (accepted or declined) fixes the response time; a completion needs no acceptance before it.
/// </summary>
internal sealed class AnswerReferral(IDocumentSession session, IMartenOutbox outbox, IClock clock, IValidator<AnswerReferralRequest> validator)
{
    public async Task<Outcome<int>> HandleAsync(Guid referralId, AnswerReferralRequest request, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<int>.Invalid(validation);
        }

        var referral = await session.LoadAsync<PartnerReferral>(referralId, cancellationToken);
        if (referral is null)
        {
            return Outcome<int>.NotFound("Die Vermittlung wurde nicht gefunden.");
        }

        var answer = request.Answer!.Value;
        var allowed = answer switch
        {
            ReferralAnswer.Accept or ReferralAnswer.Decline => referral.Status == PartnerReferralStatus.Open,
            _ => referral.IsOpen,
        };
        if (!allowed)
        {
            return Outcome<int>.Invalid(string.Empty, $"Die Vermittlung ist bereits {ReferralTexts.Of(referral.Status)}; diese Antwort ist nicht mehr möglich.");
        }

        var now = clock.GetCurrentInstant();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        referral.AnsweredAt ??= now;
        switch (answer)
        {
            case ReferralAnswer.Accept:
                referral.Status = PartnerReferralStatus.Accepted;
                referral.ContactPerson = string.IsNullOrWhiteSpace(request.ContactPerson) ? null : request.ContactPerson.Trim();
                await outbox.PublishAsync(new ReferralAccepted(Guid.NewGuid(), now, referral.Id, referral.PartnerId, now, referral.ContactPerson));
                break;
            case ReferralAnswer.Decline:
                referral.Status = PartnerReferralStatus.Declined;
                referral.Reason = reason;
                await outbox.PublishAsync(new ReferralDeclined(Guid.NewGuid(), now, referral.Id, referral.PartnerId, reason!));
                break;
            default:
                var successful = request.Successful!.Value;
                referral.Status = successful ? PartnerReferralStatus.CompletedSuccessfully : PartnerReferralStatus.CompletedUnsuccessfully;
                referral.Reason = reason;
                referral.CompletedAt = now;
                await outbox.PublishAsync(new ReferralCompleted(Guid.NewGuid(), now, referral.Id, referral.PartnerId, successful, reason));
                break;
        }

        var version = request.Version!.Value;
        session.UpdateRevision(referral, version + 1L);
        return await session.SaveOrConflictAsync(outbox, version + 1, cancellationToken);
    }
}

/// <summary>The referral lists (all, open, overdue) and one partner's answer times over the last 12 months.</summary>
internal sealed class ReferralQueries(IQuerySession session, IClock clock)
{
    public async Task<IReadOnlyList<PartnerReferral>> ListAsync(bool onlyOpen, bool onlyOverdue, Guid? partnerId, CancellationToken cancellationToken)
    {
        var query = session.Query<PartnerReferral>().AsQueryable();
        if (partnerId is { } id)
        {
            query = query.Where(r => r.PartnerId == id);
        }

        if (onlyOpen || onlyOverdue)
        {
            query = query.Where(r => r.Status == PartnerReferralStatus.Open || r.Status == PartnerReferralStatus.Accepted);
        }

        var list = await query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(cancellationToken);
        var today = BuildingBlocks.Time.Berlin.Today(clock);
        return onlyOverdue ? [.. list.Where(r => r.IsOverdueOn(today))] : list;
    }

    public Task<PartnerReferral?> GetAsync(Guid id, CancellationToken cancellationToken) => session.LoadAsync<PartnerReferral>(id, cancellationToken);

    public async Task<ResponseTimes> ResponseTimesAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        var since = clock.GetCurrentInstant() - Duration.FromDays(365);
        var answered = await session.Query<PartnerReferral>()
            .Where(r => r.PartnerId == partnerId && r.RequestedAt >= since && r.AnsweredAt != null)
            .ToListAsync(cancellationToken);
        return ResponseTimes.Of(answered.Select(r => r.ResponseTime!.Value));
    }
}
