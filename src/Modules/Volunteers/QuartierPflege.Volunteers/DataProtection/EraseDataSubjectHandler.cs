using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// Art. 17 in Volunteers. A volunteer: profile, roles, certificates, training bookings, visit logs and the links from
/// help requests and assignments go (the assignments stay for the residents' cases, without the helper); nothing is
/// erased while an assignment still runs. A resident: the address and description leave the help requests and
/// assignments of their cases. Always answers, with zero lines' counts when there was nothing (left) to erase.
/// </summary>
public static class VolunteersEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        await TransactionLock.TakeAsync(session, "volunteers.data-protection", cancellationToken);
        var lines = message.Subject.Kind == DataSubjectKind.Volunteer
            ? await EraseVolunteerAsync(session, message.Subject.Id, message.Date, cancellationToken)
            : await EraseResidentAsync(session, message.Subject.CaseIds, message.Date, cancellationToken);
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), message.RequestId, VolunteersPersonalData.ModuleName, lines);
    }

    private static async Task<IReadOnlyList<ErasureLine>> EraseVolunteerAsync(IDocumentSession session, Guid volunteerId, LocalDate date, CancellationToken cancellationToken)
    {
        var active = await VolunteersPersonalDataHolder.ActiveAssignmentsAsync(session, volunteerId, cancellationToken);
        if (active.Count > 0)
        {
            return [new ErasureLine(VolunteersPersonalData.Profile, 0, 0, null,
                $"Nicht gelöscht: {active.Count} Einsatz/Einsätze laufen noch und müssen zuerst beendet werden.")];
        }

        var profiles = 0;
        if (await session.LoadAsync<Volunteer>(volunteerId, cancellationToken) is { } volunteer)
        {
            session.Delete(volunteer);
            profiles = 1;
        }

        session.DeleteWhere<MatchCandidate>(c => c.VolunteerId == volunteerId);
        var certificates = await session.Query<Certificate>().Where(c => c.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        foreach (var certificate in certificates)
        {
            var id = certificate.Id;
            session.Delete(certificate);
            session.DeleteWhere<ExpiryWarning>(w => w.CertificateId == id);
        }

        var sessions = await session.Query<TrainingSession>()
            .Where(s => s.Booked.Contains(volunteerId) || s.WaitingList.Contains(volunteerId) || s.Attended.Contains(volunteerId)).ToListAsync(cancellationToken);
        foreach (var training in sessions)
        {
            training.Booked.Remove(volunteerId);
            training.WaitingList.Remove(volunteerId);
            training.Attended.Remove(volunteerId);
            session.UpdateRevision(training, training.Version + 1);
        }

        var logs = await session.Query<ActivityLog>().Where(l => l.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        foreach (var log in logs)
        {
            session.Delete(log);
        }

        var requests = await session.Query<HelpRequest>().Where(r => r.Proposed.Contains(volunteerId)).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            request.Proposed.Remove(volunteerId);
            session.Store(request);
        }

        // The ended assignments belong to the residents' cases as well: they stay, without the helper.
        var assignments = await session.Query<Assignment>().Where(a => a.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            assignment.VolunteerId = Guid.Empty;
            session.Store(assignment);
        }

        var audits = await session.Query<VolunteerReadAudit>().Where(a => a.VolunteerId == volunteerId).ToListAsync(cancellationToken);
        var auditUntil = audits.Count == 0 ? (LocalDate?)null : audits.Max(a => a.At).InBerlin().Date.PlusYears(2);
        return
        [
            new(VolunteersPersonalData.Profile, profiles, 0, null, null),
            new(VolunteersPersonalData.CertificateKind, certificates.Count, 0, null, null),
            new(VolunteersPersonalData.Training, sessions.Count, 0, null, null),
            new(VolunteersPersonalData.VisitLog, logs.Count, 0, null, null),
            new(VolunteersPersonalData.HelpRequestKind, requests.Count, 0, null, "Vorschläge als Helferin oder Helfer entfernt"),
            new(VolunteersPersonalData.AssignmentKind, assignments.Count, 0, null, "Einsätze bleiben für die Fälle, ohne Verbindung zur Person"),
            new(VolunteersPersonalData.ReadAudit, 0, audits.Count, auditUntil,
                audits.Count == 0 ? null : "Das Zugriffsprotokoll bleibt bis zum Ablauf seiner Frist (2 Jahre) zum Nachweis der Zugriffe (Art. 5 Abs. 2 DSGVO)."),
        ];
    }

    private static async Task<IReadOnlyList<ErasureLine>> EraseResidentAsync(IDocumentSession session, IReadOnlyList<Guid> caseIds, LocalDate date, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToArray();
        var requests = ids.Length == 0 ? [] : await session.Query<HelpRequest>().Where(r => r.CaseId.In(ids) && r.AnonymisedOn == null).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            VolunteersRetention.Anonymise(request, date);
            session.Store(request);
        }

        var assignments = ids.Length == 0 ? [] : await session.Query<Assignment>().Where(a => a.CaseId.In(ids) && a.AnonymisedOn == null).ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            VolunteersRetention.Anonymise(assignment, date);
            session.Store(assignment);
        }

        return
        [
            new(VolunteersPersonalData.HelpRequestKind, requests.Count, 0, null, null),
            new(VolunteersPersonalData.AssignmentKind, assignments.Count, 0, null, null),
        ];
    }
}
