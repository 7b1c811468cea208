using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// The weekly sweep in Quartiere: answers of long-closed surveys lose their free texts, old forum meetings their names,
/// long-ended groups are deleted. Always answers, also when nothing was due.
/// </summary>
public static class QuartiereRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        // Survey answers carry no revision to conflict on and groups are deleted: two Hosts handling the same sweep take
        // turns (the lock ends with the transaction), and the second finds everything already marked.
        await TransactionLock.TakeAsync(session, "quartiere.retention-sweep", cancellationToken);

        var counts = await QuartiereRetentionWork.RunAsync(session, session, command.Date, command.Periods, cancellationToken);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), command.SweepId, QuartierePersonalData.ModuleName, counts);
    }
}
