using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Register;
using QuartierPflege.DataProtection.Retention;

namespace QuartierPflege.DataProtection.Sweep;

/// <summary>
/// Starts a run: records it with every registered module as expected to answer, and sends the sweep with the periods in
/// force. The command's id is the run's id, so a command delivered twice starts one run.
/// </summary>
public static class StartRetentionSweepHandler
{
    public static async Task<RetentionSweep?> HandleAsync(StartRetentionSweep command, IDocumentSession session, IEnumerable<IPersonalDataRegister> registers, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await session.LoadAsync<SweepRun>(command.MessageId, cancellationToken) is not null)
        {
            return null;
        }

        var settings = (await session.Query<RetentionSettingDocument>().ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Duration);
        var periods = RetentionPeriodRules.Periods(RetentionPeriodRules.InForce(registers, settings));
        var now = clock.GetCurrentInstant();
        session.Insert(new SweepRun
        {
            Id = command.MessageId,
            Date = command.Date,
            StartedAt = now,
            StartedBy = command.StartedBy,
            ExpectedModules = [.. registers.Select(r => r.Module).Distinct().Order(StringComparer.Ordinal)],
        });
        session.Insert(DataProtectionAudit.Entry(AuditAction.SweepStarted, $"Löschlauf für den {GermanDates.Show(command.Date)} gestartet ({command.StartedBy})", null, command.StartedBy, now));
        return new RetentionSweep(Guid.NewGuid(), now, command.MessageId, command.Date, periods);
    }
}

/// <summary>Records one module's report in its run, once per module (a report delivered twice is not counted twice).</summary>
public static class RetentionSweptHandler
{
    public static async Task HandleAsync(RetentionSwept message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Every module answers at once: a lock per run lets them write one after the other. On the revision alone,
        // seven answers kept conflicting until their retries ran out and the run never completed.
        await TransactionLock.TakeAsync(session, $"data-protection.sweep-run.{message.SweepId:N}", cancellationToken);
        var run = await session.LoadAsync<SweepRun>(message.SweepId, cancellationToken);
        if (run is null || run.Answers.Any(a => a.Module == message.Module))
        {
            return;
        }

        run.Answers.Add(new SweepAnswer(message.Module, message.Counts, clock.GetCurrentInstant()));
        // Still on the revision read: another writer of the run (none today) makes this one retry.
        session.UpdateRevision(run, run.Version + 1);
    }
}

/// <summary>
/// The module's own part of a sweep: Art. 15 ZIPs past their days are deleted (the request stays as proof), audit
/// entries and erasure requests past their years are deleted. Always answers, also when nothing was due.
/// </summary>
public static class DataProtectionRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep sweep, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var due = await OwnRetention.DueAsync(session, sweep.Date, sweep.Periods, cancellationToken);
        var now = clock.GetCurrentInstant();
        session.AllowRetentionDeletes();
        foreach (var copy in due.Copies)
        {
            copy.FileDeletedAt = now;
            session.Store(copy);
            session.Delete<AccessCopyFile>(copy.Id);
        }

        foreach (var entry in due.AuditEntries)
        {
            session.Delete(entry);
        }

        foreach (var request in due.ErasureRequests)
        {
            session.Delete(request);
        }

        return new RetentionSwept(Guid.NewGuid(), now, sweep.SweepId, DataProtectionPersonalData.ModuleName, due.Counts);
    }
}
