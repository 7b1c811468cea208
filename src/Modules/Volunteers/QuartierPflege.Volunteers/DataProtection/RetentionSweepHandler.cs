using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// Deletes or anonymises what is due in Volunteers and always answers with what it did (zero when nothing was due, or
/// when another Host or an earlier delivery already did it).
/// </summary>
public static class VolunteersRetentionSweepHandler
{
    public static async Task<RetentionSwept> HandleAsync(RetentionSweep message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        await TransactionLock.TakeAsync(session, "volunteers.data-protection", cancellationToken);
        // The read log is append-only; only this transaction may delete its expired entries.
        await TransactionLock.ExecuteAsync(session, AppendOnly.AllowRetentionDeletesSql, cancellationToken);
        var plan = await VolunteersSweepPlan.ForAsync(session, message.Periods, message.Date, cancellationToken);
        foreach (var volunteer in plan.Profiles)
        {
            var id = volunteer.Id;
            session.Delete(volunteer);
            session.DeleteWhere<MatchCandidate>(c => c.VolunteerId == id);
        }

        foreach (var certificate in plan.Certificates)
        {
            var id = certificate.Id;
            session.Delete(certificate);
            session.DeleteWhere<ExpiryWarning>(w => w.CertificateId == id);
        }

        foreach (var training in plan.Sessions)
        {
            session.Delete(training);
        }

        foreach (var request in plan.HelpRequests)
        {
            VolunteersRetention.Anonymise(request, message.Date);
            session.Store(request);
        }

        foreach (var assignment in plan.Assignments)
        {
            VolunteersRetention.Anonymise(assignment, message.Date);
            session.Store(assignment);
        }

        foreach (var log in plan.Logs)
        {
            VolunteersRetention.Anonymise(log, message.Date);
            session.UpdateRevision(log, log.Version + 1);
        }

        foreach (var entry in plan.ReadAudits)
        {
            session.Delete(entry);
        }

        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), message.SweepId, VolunteersPersonalData.ModuleName, plan.Counts());
    }
}
