using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Access;

/// <summary>
/// Record-level access to cases: the case manager, the deputy and coordination see a case; anybody else is told it does
/// not exist (404) and the attempt is audited. Every feature that loads a case goes through here.
/// </summary>
internal sealed class CaseAccess(IDocumentSession session, ICurrentUser user, AuditTrail audit)
{
    public bool CanSee(Case @case) => user.IsInRole(Roles.Koordination) || @case.CaseManagerId == user.Id || @case.DeputyId == user.Id;

    /// <summary>Cases this person may see, as a Marten query to filter further (visibility is on duplicated columns).</summary>
    public IQueryable<Case> VisibleCases()
    {
        if (user.IsInRole(Roles.Koordination))
        {
            return session.Query<Case>();
        }

        var me = user.Id;
        return session.Query<Case>().Where(c => c.CaseManagerId == me || c.DeputyId == me);
    }

    /// <summary>
    /// Who sees what, for hand-written SQL over the cases table: null for everything (coordination), else the person whose
    /// cases (as case manager or deputy) are visible.
    /// </summary>
    public Guid? VisibleTo => user.IsInRole(Roles.Koordination) ? null : user.Id;

    /// <summary>
    /// Loads a case the person may see, or null after auditing the denied attempt. Sessions are lightweight: to change
    /// the case, call <c>session.StoreNextRevision(@case)</c> and save.
    /// </summary>
    public async Task<Case?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await session.LoadAsync<Case>(caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        if (!CanSee(@case))
        {
            await audit.SaveDeniedAsync("Case", @case.Id, @case.Id, cancellationToken);
            return null;
        }

        return @case;
    }

    /// <summary>The case (as <see cref="FindAsync"/>) with its resident, for features that need more than the resident's name.</summary>
    public async Task<(Case Case, Resident Resident)?> FindWithResidentAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var resident = await session.LoadAsync<Resident>(@case.ResidentId, cancellationToken);
        return resident is null ? null : (@case, resident);
    }

    /// <summary>Whether the current person is the deputy (not the owner) of the case: confidential notes are hidden then.</summary>
    public bool IsOnlyDeputy(Case @case) => @case.DeputyId == user.Id && @case.CaseManagerId != user.Id && !user.IsInRole(Roles.Koordination);
}
