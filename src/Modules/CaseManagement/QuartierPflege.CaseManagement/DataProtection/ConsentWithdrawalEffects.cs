using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.DataProtection.Contracts;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// What a withdrawal changes beyond the consent itself, in the same commit: withdrawing "Weitergabe an Netzwerkpartner"
/// withdraws every open referral that no remaining sharing consent covers (the partner is told through
/// <see cref="ReferralWithdrawn"/>); withdrawing "Daten speichern" when every case of the resident is closed asks the
/// data-protection module to erase them (<see cref="ErasureRequested"/>). While a case is open the case stays: it has to
/// be closed first, and closing it then asks for the erasure (see <see cref="ErasureAtClosingAsync"/>).
/// </summary>
internal sealed class ConsentWithdrawalEffects(IDocumentSession session, IMartenOutbox outbox, AuditTrail audit, ICurrentUser user, IClock clock)
{
    public const string ReferralReason = "Die Bewohnerin bzw. der Bewohner hat die Einwilligung in die Weitergabe an Netzwerkpartner widerrufen.";

    public const string ErasureReason = "Einwilligung „Daten speichern“ widerrufen";

    /// <summary>Applies the withdrawal's effects; returns the partners whose referrals were withdrawn (each is told).</summary>
    public async Task<IReadOnlyList<Guid>> ApplyAsync(Consent withdrawn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        if (withdrawn.Purpose == ConsentPurpose.ShareWithPartners)
        {
            return await WithdrawUncoveredReferralsAsync(withdrawn, cancellationToken);
        }

        if (withdrawn.Purpose == ConsentPurpose.StoreData)
        {
            var cases = await session.Query<Case>().Where(c => c.ResidentId == withdrawn.ResidentId).ToListAsync(cancellationToken);
            if (cases.Count > 0 && cases.All(c => c.IsClosed))
            {
                await RequestErasureAsync(withdrawn.ResidentId, cancellationToken);
            }
        }

        return [];
    }

    /// <summary>Called when a case closes: a resident who withdrew "Daten speichern" while it was open is erased now.</summary>
    public async Task ErasureAtClosingAsync(Case closing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closing);
        var consents = await session.Query<Consent>().Where(c => c.ResidentId == closing.ResidentId && c.Purpose == ConsentPurpose.StoreData).ToListAsync(cancellationToken);
        var others = await session.Query<Case>().Where(c => c.ResidentId == closing.ResidentId && c.Id != closing.Id && c.Status != CaseStatus.Closed).CountAsync(cancellationToken);
        if (consents.Count > 0 && consents.All(c => !c.IsActive) && others == 0)
        {
            await RequestErasureAsync(closing.ResidentId, cancellationToken);
        }
    }

    private async Task RequestErasureAsync(Guid residentId, CancellationToken cancellationToken)
    {
        await outbox.PublishAsync(new ErasureRequested(Guid.NewGuid(), clock.GetCurrentInstant(), DataSubjectKind.Resident, residentId, ErasureReason));
        audit.Record(AuditAction.Update, "Resident", residentId, "Löschung beim Datenschutz beantragt: " + ErasureReason, residentId: residentId);
    }

    private async Task<IReadOnlyList<Guid>> WithdrawUncoveredReferralsAsync(Consent withdrawn, CancellationToken cancellationToken)
    {
        var partners = new List<Guid>();
        var remaining = (await session.Query<Consent>()
                .Where(c => c.ResidentId == withdrawn.ResidentId && c.Purpose == ConsentPurpose.ShareWithPartners && c.WithdrawnAt == null)
                .ToListAsync(cancellationToken))
            .Where(c => c.Id != withdrawn.Id)
            .ToList();
        var caseIds = (await session.Query<Case>().Where(c => c.ResidentId == withdrawn.ResidentId).Select(c => c.Id).ToListAsync(cancellationToken)).ToArray();
        var steps = await session.Query<PlanStep>().Where(s => s.CaseId.IsOneOf(caseIds) && s.ReferralId != null).ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var me = new Actor(user.Id, user.DisplayName);
        foreach (var step in steps)
        {
            if (step.Referral is not { IsOpen: true } referral
                || remaining.Any(c => ConsentRules.Covers(c, ConsentPurpose.ShareWithPartners, referral.PartnerId, referral.ServiceCategory)))
            {
                continue;
            }

            step.Change("Vermittlung", referral.Status, ReferralStatus.Withdrawn, PlanningNames.Of, me, now, s => referral.Status = s);
            referral.Reason = ReferralReason;
            step.ChangeStatus(StepStatus.Cancelled, me, now);
            step.Flag = null;
            session.StoreNextRevision(step);
            await outbox.PublishAsync(new ReferralWithdrawn(Guid.NewGuid(), now, referral.Id, ReferralReason, ReferralWithdrawalCause.ConsentWithdrawn));
            audit.Record(AuditAction.Update, "Referral", referral.Id, $"Vermittlung an {referral.PartnerName} zurückgezogen: Einwilligung widerrufen", withdrawn.ResidentId, step.CaseId);
            partners.Add(referral.PartnerId);
        }

        return partners;
    }
}
