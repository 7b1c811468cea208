using JasperFx;
using Marten;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using Wolverine.Marten;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>
/// Loading a case for planning: only people who may see it get it (else 404), and a closed case's plan is read-only.
/// Also the one place where planning edits are stored under the revision the person saw and saved.
/// </summary>
internal sealed class PlanningCases(CaseAccess access, IDocumentSession session, IMartenOutbox outbox, ICurrentUser user)
{
    public const string NotFoundMessage = "Der Fall wurde nicht gefunden.";

    public const string ClosedMessage = "Der Fall ist abgeschlossen; der Plan kann nicht mehr geändert werden.";

    public const string StepNotFoundMessage = "Die Maßnahme wurde nicht gefunden.";

    public const string ProblemNotFoundMessage = "Die Problemlage wurde nicht gefunden.";

    public const string VersionMissingMessage = "Der Bearbeitungsstand fehlt. Bitte laden Sie die Seite neu.";

    public Actor Me => new(user.Id, user.DisplayName);

    public Task<Case?> FindAsync(Guid caseId, CancellationToken cancellationToken) => access.FindAsync(caseId, cancellationToken);

    /// <summary>The case if it may be seen and changed, else the outcome to answer with.</summary>
    public async Task<(Case? Case, Outcome<T>? Refusal)> EditableAsync<T>(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return (null, Outcome<T>.NotFound(NotFoundMessage));
        }

        return @case.IsClosed ? (null, Outcome<T>.Conflict(ClosedMessage)) : (@case, null);
    }

    public Task<Resident?> ResidentAsync(Case @case, CancellationToken cancellationToken)
        => session.LoadAsync<Resident>(@case.ResidentId, cancellationToken);

    public async Task<PlanStep?> FindStepAsync(Guid caseId, Guid stepId, CancellationToken cancellationToken)
        => await session.LoadAsync<PlanStep>(stepId, cancellationToken) is { } step && step.CaseId == caseId ? step : null;

    /// <summary>
    /// Stores the document on the condition that nobody saved it since the person read <paramref name="version"/>:
    /// the second of two concurrent edits then fails at <see cref="SaveAsync{T}"/> instead of overwriting the first.
    /// </summary>
    public void StoreSeen<TDocument>(TDocument document, int version)
        where TDocument : IRevisioned
        => session.UpdateRevision(document, version + 1L);

    /// <summary>Stores a changed document on the condition that nobody saved it since it was loaded here.</summary>
    public void StoreLoaded<TDocument>(TDocument document)
        where TDocument : IRevisioned
        => session.UpdateRevision(document, document.Version + 1L);

    /// <summary>
    /// Saves documents, audit entries and the published messages in one commit; a concurrent edit becomes the German 409
    /// message, and nothing of this edit is stored or sent.
    /// </summary>
    public Task<Outcome<T>> SaveAsync<T>(T value, CancellationToken cancellationToken) => session.SaveOrConflictAsync(outbox, value, cancellationToken);
}
