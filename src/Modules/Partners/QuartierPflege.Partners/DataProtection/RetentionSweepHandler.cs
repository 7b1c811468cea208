using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Partners.DataProtection;

/// <summary>
/// The weekly sweep in Partners: referrals of long-closed cases lose what was disclosed, ended partners lose their
/// contact persons, old meetings their names. Always answers, also when nothing was due.
/// </summary>
public static class PartnersRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        // Two Hosts may handle the same sweep at once: audit entries are deleted (no revision to conflict on), so the
        // module's sweeps take turns (the lock ends with the transaction) and the second finds nothing left to count.
        await TransactionLock.TakeAsync(session, "partners.retention-sweep", cancellationToken);

        var counts = await PartnersRetentionWork.RunAsync(session, session, command.Date, command.Periods, cancellationToken);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), command.SweepId, PartnersPersonalData.ModuleName, counts);
    }
}
