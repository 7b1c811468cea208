using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>
/// Deletes what Compensation no longer may keep: vouchers (payouts, their run and SEPA file) and accruals whose year
/// ended more than the period ago, payees with their last voucher, old read-log entries. Always answers, with zero
/// when nothing was due or another Host or an earlier delivery already did it.
/// </summary>
public static class CompensationRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        await TransactionLock.TakeAsync(session, "compensation.data-protection", cancellationToken);
        // The read log is append-only; only this transaction may delete its expired entries.
        await TransactionLock.ExecuteAsync(session, AppendOnly.AllowRetentionDeletesSql, cancellationToken);
        var plan = await CompensationSweepPlan.ForAsync(session, message.Periods, message.Date, cancellationToken);
        foreach (var payout in plan.Payouts)
        {
            session.Delete(payout);
        }

        foreach (var run in plan.Runs)
        {
            session.Delete(run);
        }

        foreach (var export in plan.Exports)
        {
            session.Delete(export);
        }

        foreach (var accrual in plan.Accruals)
        {
            session.Delete(accrual);
        }

        foreach (var payee in plan.Payees)
        {
            var id = payee.Id;
            session.Delete(payee);
            session.DeleteWhere<EnrolmentModel>(e => e.VolunteerId == id);
            session.DeleteWhere<AssignmentModel>(a => a.VolunteerId == id);
        }

        foreach (var entry in plan.ReadAudits)
        {
            session.Delete(entry);
        }

        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), message.SweepId, CompensationPersonalData.ModuleName, plan.Counts());
    }
}
