using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>
/// Art. 17 in Quartiere: an erased volunteer leaves the helpers of every activity (no duty keeps that). Residents are
/// never named in Quartiere records that point to their case, so there is nothing of theirs to find. Always answers.
/// </summary>
public static class QuartiereEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        var erased = 0;
        foreach (var activity in await QuartierePersonalDataHolder.ActivitiesOfAsync(session, command.Subject, cancellationToken))
        {
            if (QuartiereRetention.RemoveHelper(activity, command.Subject.Id))
            {
                session.UpdateRevision(activity, activity.Version + 1);
                erased++;
            }
        }

        ErasureLine[] lines = erased == 0 ? [] : [new ErasureLine(QuartierePersonalData.ActivityHelperKey, erased, 0, null, null)];
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), command.RequestId, QuartierePersonalData.ModuleName, lines);
    }
}
