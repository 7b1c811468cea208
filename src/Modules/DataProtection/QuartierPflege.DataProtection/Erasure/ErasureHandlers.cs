using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using NodaTime;
using QuartierPflege.DataProtection.Auditing;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Register;

namespace QuartierPflege.DataProtection.Erasure;

/// <summary>Records one module's confirmation in its erasure request, once per module.</summary>
public static class DataSubjectErasedHandler
{
    public static async Task HandleAsync(DataSubjectErased message, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Every module confirms at once: a lock per request lets them write one after the other (on the revision alone
        // they conflict until their retries run out, as the sweep's answers did).
        await TransactionLock.TakeAsync(session, $"data-protection.erasure-request.{message.RequestId:N}", cancellationToken);
        var request = await session.LoadAsync<ErasureRequest>(message.RequestId, cancellationToken);
        if (request is null || request.Answers.Any(a => a.Module == message.Module))
        {
            return;
        }

        request.Answers.Add(new ErasureAnswer(message.Module, message.Lines, clock.GetCurrentInstant()));
        // Still on the revision read: another writer of the request makes this one retry.
        session.UpdateRevision(request, request.Version + 1);
    }
}

/// <summary>
/// Case Management asks for an erasure (storage consent withdrawn after closing): run like coordination's, with the
/// reason given; where a module objects, the request is recorded with the objections and nothing is erased.
/// </summary>
public static class ErasureRequestedHandler
{
    public static async Task<EraseDataSubject?> HandleAsync(
        ErasureRequested message,
        IDocumentSession session,
        IEnumerable<IDataSubjectFinder> finders,
        IEnumerable<IPersonalDataHolder> holders,
        IEnumerable<IPersonalDataRegister> registers,
        IClock clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await session.LoadAsync<ErasureRequest>(message.MessageId, cancellationToken) is not null)
        {
            return null;
        }

        DataSubject? subject = null;
        foreach (var finder in finders.Where(f => f.Kind == message.Kind))
        {
            subject ??= await finder.FindAsync(message.SubjectId, cancellationToken);
        }

        const string by = "Automatisch (Einwilligung widerrufen)";
        subject ??= new DataSubject(message.Kind, message.SubjectId, "(nicht gefunden)", [], null);
        var erasure = Erasures.Begin(subject, message.Reason, by, registers, clock, out var command, message.MessageId);
        erasure.Objections = subject.DisplayName == "(nicht gefunden)"
            ? ["Die Person wurde in keinem Bereich gefunden."]
            : [.. await Erasures.Objections(holders, subject, cancellationToken)];
        session.Insert(erasure);
        session.Insert(DataProtectionAudit.Entry(AuditAction.ErasureStarted,
            erasure.Started ? $"Löschung (Art. 17) für {subject.DisplayName} begonnen. Grund: {message.Reason}"
                : $"Löschung (Art. 17) für {subject.DisplayName} angefragt, aber nicht begonnen: {string.Join(" ", erasure.Objections)}",
            null, by, erasure.RequestedAt));
        return erasure.Started ? command : null;
    }
}

/// <summary>
/// The module's own part of an erasure: the person's stored Art. 15 copies are deleted (the request stays, without the
/// file, as proof); audit entries and the erasure request itself are kept (accountability, Art. 5 Abs. 2).
/// </summary>
public static class DataProtectionEraseDataSubjectHandler
{
    public static async Task<DataSubjectErased> HandleAsync(EraseDataSubject command, IDocumentSession session, IClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var id = command.Subject.Id;
        var now = clock.GetCurrentInstant();
        var copies = (await session.Query<AccessCopy>().Where(c => c.SubjectId == id).ToListAsync(cancellationToken)).Where(c => c.FileDeletedAt is null).ToList();
        foreach (var copy in copies)
        {
            copy.FileDeletedAt = now;
            session.Store(copy);
            session.Delete<AccessCopyFile>(copy.Id);
        }

        return new DataSubjectErased(Guid.NewGuid(), now, command.RequestId, DataProtectionPersonalData.ModuleName,
        [
            new ErasureLine(DataProtectionPersonalData.AccessCopyKind, copies.Count, 0, null, null),
            new ErasureLine(DataProtectionPersonalData.AuditKind, 0, 0, null, "Protokoll bleibt als Nachweis (Art. 5 Abs. 2 DSGVO) bis zum Ende seiner Frist."),
        ]);
    }
}
