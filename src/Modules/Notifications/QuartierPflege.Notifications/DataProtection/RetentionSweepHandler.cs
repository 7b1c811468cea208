using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Notifications.DataProtection;

/// <summary>The weekly sweep in Notifications: old mail bodies go, older mail records too. Always answers.</summary>
public static class NotificationsRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        // Two Hosts may handle the same sweep at once; a deleted record has no revision left to conflict on, so the
        // module's sweeps take turns (the lock ends with the transaction) and the second finds nothing left to count.
        await TransactionLock.TakeAsync(session, "notifications.retention-sweep", cancellationToken);

        var counts = await NotificationsRetentionWork.RunAsync(session, session, command.Date, command.Periods, cancellationToken);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), command.SweepId, NotificationsPersonalData.ModuleName, counts);
    }
}
