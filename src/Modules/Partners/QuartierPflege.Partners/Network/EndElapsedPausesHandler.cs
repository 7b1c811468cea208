using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Network;

/// <summary>
/// The daily end of elapsed pauses: a partner paused until a day before the command's date is active again from the
/// day after its pause, with the change in its history. The directory and the coverage matrix read the status, so they
/// count the partner again with the commit. A pause "until further notice" is never ended here.
/// </summary>
public static class EndElapsedPausesHandler
{
    /// <summary>Who the history names for a change nobody made by hand.</summary>
    internal const string SystemName = "automatisch (Pause abgelaufen)";

    public static async Task HandleAsync(EndElapsedPauses message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Paused partners are few (the status is a duplicated, indexed column); the date is compared here.
        var paused = await session.Query<Partner>().Where(p => p.Status == PartnerStatus.Paused).ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var partner in paused.Where(p => p.PausedUntil is { } until && until < message.Date))
        {
            var before = ChangePartnerStatus.Describe(partner.Status, partner.StatusFrom, partner.PausedUntil);
            var back = partner.PausedUntil!.Value.PlusDays(1);
            partner.Status = PartnerStatus.Active;
            partner.StatusFrom = back;
            partner.PausedUntil = null;
            partner.History.Add(new PartnerChange(now, Guid.Empty, SystemName, "Status", before, $"aktiv ab {GermanDates.Show(back)}"));
            // Under the revision it was read with: a coordinator's edit in between makes this attempt fail and retry.
            session.UpdateRevision(partner, partner.Version + 1L);
        }
    }
}
