using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Persistence;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// Case Management's part of the weekly retention sweep: anonymises residents and their case files whose period has
/// passed (not while a case is open or under legal hold), deletes concerns that never became a case and expired audit
/// entries, and always answers with the counts. Exactly once: the sweep takes a transaction-level advisory lock before
/// it reads, so a duplicate (a second Host, a redelivery) waits for the first to commit and then finds nothing left.
/// </summary>
public static class CaseManagementRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        await TransactionLock.TakeAsync(session, "case-management.retention-sweep", cancellationToken);
        var plan = await RetentionPlan.LoadAsync(session, message.Date, message.Periods, cancellationToken);
        Apply(session, plan, message.Date);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), message.SweepId, CaseManagementPersonalData.ModuleName, plan.Counts());
    }

    private static void Apply(IDocumentSession session, RetentionPlan plan, LocalDate on)
    {
        // First in the commit: lets this transaction's deletes of audit entries pass the append-only trigger.
        session.AllowRetentionDeletes();
        foreach (var resident in plan.Residents)
        {
            CaseAnonymisation.Anonymise(resident, on);
            session.StoreNextRevision(resident);
        }

        foreach (var @case in plan.Cases)
        {
            CaseAnonymisation.Anonymise(@case, on);
            session.StoreNextRevision(@case);
        }

        foreach (var problem in plan.Problems)
        {
            CaseAnonymisation.Anonymise(problem);
            session.StoreNextRevision(problem);
        }

        foreach (var step in plan.Steps)
        {
            CaseAnonymisation.Anonymise(step);
            session.StoreNextRevision(step);
        }

        foreach (var note in plan.JournalNotes)
        {
            CaseAnonymisation.Anonymise(note, on);
            session.Store(note);
        }

        foreach (var visit in plan.HomeVisits)
        {
            CaseAnonymisation.Anonymise(visit, on);
            session.Store(visit);
        }

        foreach (var consent in plan.Consents)
        {
            CaseAnonymisation.Anonymise(consent, on);
            session.Store(consent);
        }

        foreach (var followUp in plan.FollowUps)
        {
            session.Delete(followUp);
        }

        foreach (var concern in plan.Concerns)
        {
            session.Delete(concern);
        }

        var before = plan.AuditEntriesBefore;
        if (plan.AuditEntries > 0)
        {
            session.DeleteWhere<AuditEntry>(e => e.At < before);
        }
    }
}
