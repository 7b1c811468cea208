using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.DataProtection.Contracts;
using static QuartierPflege.CaseManagement.DataProtection.CaseManagementPersonalData;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// Art. 17 for a resident: deletes the resident and everything filed under their cases, unless a case is open or under
/// legal hold (then nothing is deleted and the line says why). The audit entries about them stay until their own
/// period ends: they prove who saw the data (Art. 5 Abs. 2 DSGVO) and are append-only; the retention sweep deletes them.
/// Always answers; a second request finds nothing left and answers with zero counts.
/// </summary>
public static class CaseManagementEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var lines = message.Subject.Kind == DataSubjectKind.Resident
            ? await EraseAsync(session, message.Subject.Id, cancellationToken)
            : [];
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), message.RequestId, ModuleName, lines);
    }

    private static void DeleteAll<T>(IDocumentSession session, IEnumerable<T> documents) where T : notnull
    {
        foreach (var document in documents)
        {
            session.Delete(document);
        }
    }

    private static async Task<IReadOnlyList<ErasureLine>> EraseAsync(IDocumentSession session, Guid residentId, CancellationToken cancellationToken)
    {
        var cases = await session.Query<Case>().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken);
        var blocking = cases.Where(c => !c.IsClosed || c.LegalHold is not null).ToList();
        if (blocking.Count > 0)
        {
            return [new ErasureLine(CaseFileKey, 0, 0, null,
                "Nicht gelöscht: " + string.Join("; ", blocking.Select(c => c.LegalHold is not null ? $"Fall {c.Number} hat einen Sperrvermerk" : $"Fall {c.Number} ist noch offen")))];
        }

        var caseIds = cases.Select(c => c.Id).ToArray();
        var resident = await session.LoadAsync<Resident>(residentId, cancellationToken);
        var problems = await session.Query<ProblemSituation>().Where(p => p.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken);
        var steps = await session.Query<PlanStep>().Where(s => s.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken);
        var followUps = await session.Query<FollowUp>().Where(f => f.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken);
        var notes = await session.Query<JournalNote>().Where(n => n.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken);
        var visits = await session.Query<HomeVisit>().Where(v => v.CaseId.IsOneOf(caseIds)).ToListAsync(cancellationToken);
        var consents = await session.Query<Consent>().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken);
        var concerns = await session.Query<Concern>().Where(c => c.ResidentId == residentId).ToListAsync(cancellationToken);
        Guid?[] ofCases = [.. caseIds.Select(id => (Guid?)id)];
        var audit = await session.Query<AuditEntry>().Where(e => e.ResidentId == residentId || e.CaseId.IsOneOf(ofCases)).ToListAsync(cancellationToken);

        if (resident is not null)
        {
            session.Delete(resident);
        }

        DeleteAll(session, cases);
        DeleteAll(session, problems);
        DeleteAll(session, steps);
        DeleteAll(session, followUps);
        DeleteAll(session, notes);
        DeleteAll(session, visits);
        DeleteAll(session, consents);
        DeleteAll(session, concerns);

        var auditPeriod = new CaseManagementPersonalData().Kinds.Single(k => k.Key == AuditEntryKey).Retention.Default;
        LocalDate? auditUntil = audit.Count == 0 ? null : auditPeriod.EndsAfter(audit.Max(e => e.At).InBerlin().Date);
        return
        [
            new ErasureLine(ResidentKey, resident is null ? 0 : 1, 0, null, null),
            new ErasureLine(CaseFileKey, cases.Count + problems.Count + steps.Count + followUps.Count, 0, null, null),
            new ErasureLine(JournalNoteKey, notes.Count, 0, null, null),
            new ErasureLine(HomeVisitKey, visits.Count, 0, null, null),
            new ErasureLine(ConsentKey, consents.Count, 0, null, null),
            new ErasureLine(ConcernKey, concerns.Count, 0, null, null),
            new ErasureLine(AuditEntryKey, 0, audit.Count, auditUntil,
                audit.Count == 0 ? null : "Das Zugriffsprotokoll bleibt bis zum Ende seiner Frist als Nachweis (Art. 5 Abs. 2 DSGVO) und ist nur der Koordination zugänglich."),
        ];
    }
}
