using Marten;
using NodaTime;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>What a sweep on one date would delete in Compensation: the forecast and the sweep compute it alike.</summary>
internal sealed class CompensationSweepPlan
{
    public List<PayoutRun> Runs { get; } = [];

    public List<Payout> Payouts { get; } = [];

    public List<SepaExportDocument> Exports { get; } = [];

    public List<Accrual> Accruals { get; } = [];

    public List<Payee> Payees { get; } = [];

    public List<PayeeReadAudit> ReadAudits { get; } = [];

    public IReadOnlyList<RetentionCount> Counts() =>
    [
        new(CompensationPersonalData.PayeeKind, 0, Payees.Count),
        new(CompensationPersonalData.AccrualKind, 0, Accruals.Count),
        new(CompensationPersonalData.PayoutKind, 0, Payouts.Count),
        new(CompensationPersonalData.SepaKind, 0, Exports.Count),
        new(CompensationPersonalData.ReadAudit, 0, ReadAudits.Count),
    ];

    public static async Task<CompensationSweepPlan> ForAsync(IQuerySession session, RetentionPeriods periods, LocalDate date, CancellationToken cancellationToken)
    {
        var plan = new CompensationSweepPlan();
        var voucher = periods.For(CompensationPersonalData.PayoutKind);
        var sepa = periods.For(CompensationPersonalData.SepaKind);
        // Only runs of months before this year can be due (a voucher is kept at least to the end of its year).
        var thisYear = date.Year * 100;
        var runs = await session.Query<PayoutRun>().Where(r => r.MonthKey < thisYear).ToListAsync(cancellationToken);
        plan.Runs.AddRange(runs.Where(r => CompensationRetention.RunDue(r, voucher, date)));
        var dueRuns = plan.Runs.Select(r => r.Id).ToArray();
        if (dueRuns.Length > 0)
        {
            plan.Payouts.AddRange(await session.Query<Payout>().Where(p => p.RunId.In(dueRuns)).ToListAsync(cancellationToken));
            var exportRuns = runs.Where(r => CompensationRetention.RunDue(r, sepa, date)).Select(r => r.Id).ToArray();
            plan.Exports.AddRange(await session.LoadManyAsync<SepaExportDocument>(cancellationToken, exportRuns));
        }

        var accrual = periods.For(CompensationPersonalData.AccrualKind);
        var accruals = await session.Query<Accrual>().Where(a => a.MonthKey < thisYear).ToListAsync(cancellationToken);
        plan.Accruals.AddRange(accruals.Where(a => CompensationRetention.AccrualDue(a, accrual, date)));

        var payee = periods.For(CompensationPersonalData.PayeeKind);
        var volunteers = plan.Payouts.Select(p => p.VolunteerId).Distinct().ToArray();
        if (volunteers.Length > 0)
        {
            // A payee goes with its last voucher, counted under the payee's own period.
            var payeeRuns = runs.Where(r => CompensationRetention.RunDue(r, payee, date)).Select(r => r.Id).ToHashSet();
            var all = await session.Query<Payout>().Where(p => p.VolunteerId.In(volunteers)).Select(p => new PayoutRef(p.VolunteerId, p.RunId)).ToListAsync(cancellationToken);
            var dueAccruals = plan.Accruals.Select(a => a.Id).ToHashSet();
            var accrualsLeft = (await session.Query<Accrual>().Where(a => a.VolunteerId.In(volunteers)).Select(a => new AccrualRef(a.Id, a.VolunteerId)).ToListAsync(cancellationToken))
                .Where(a => !dueAccruals.Contains(a.Id)).ToLookup(a => a.VolunteerId);
            var due = volunteers.Where(v => CompensationRetention.PayeeDue(
                all.Count(p => p.VolunteerId == v), all.Count(p => p.VolunteerId == v && payeeRuns.Contains(p.RunId)), accrualsLeft[v].Count())).ToArray();
            plan.Payees.AddRange(await session.LoadManyAsync<Payee>(cancellationToken, due));
        }

        var audit = periods.For(CompensationPersonalData.ReadAudit);
        var auditBefore = Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0);
        plan.ReadAudits.AddRange((await session.Query<PayeeReadAudit>().Where(a => a.At < auditBefore).ToListAsync(cancellationToken))
            .Where(a => CompensationRetention.ReadAuditDue(a, audit, date)));
        return plan;
    }

    private sealed record PayoutRef(Guid VolunteerId, Guid RunId);

    private sealed record AccrualRef(Guid Id, Guid VolunteerId);
}
