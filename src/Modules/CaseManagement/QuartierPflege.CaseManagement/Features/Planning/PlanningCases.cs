using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>
/// Loading a case for planning: only people who may see it get it (else 404), and a closed case's plan is read-only.
/// </summary>
internal sealed class PlanningCases(CaseAccess access, CaseManagementDbContext db, ICurrentUser user)
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

    public Task<PlanStep?> FindStepAsync(Guid caseId, Guid stepId, CancellationToken cancellationToken)
        => db.StepsWithDetails().SingleOrDefaultAsync(s => s.Id == stepId && s.CaseId == caseId, cancellationToken);

    /// <summary>
    /// Makes the save check the version the person saw (xmin) and move it on, even when only a child row changed:
    /// the second of two concurrent edits then fails instead of overwriting the first.
    /// </summary>
    public void GuardVersion<TEntity>(TEntity entity, uint version)
        where TEntity : class
    {
        var entry = db.Entry(entity);
        entry.Property<uint>("Version").OriginalValue = version;

        // A changed version alone is no column to write, and EF then sends no UPDATE (and checks nothing): rewrite one
        // ordinary column with its own value so that the row is updated under the version condition.
        var column = entry.Properties.First(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken && p.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never);
        column.IsModified = true;
    }

    /// <summary>Saves; a concurrent edit becomes the German 409 message, and nothing of this edit is stored.</summary>
    public async Task<Outcome<T>> SaveAsync<T>(T value, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<T>.Done(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing of this edit may be saved later by accident (e.g. by the audit entry of re-reading the plan).
            db.ChangeTracker.Clear();
            return Outcome<T>.Conflict(ApiProblems.ConcurrentEditMessage);
        }
    }
}
