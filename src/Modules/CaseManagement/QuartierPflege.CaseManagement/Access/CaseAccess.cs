using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
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
    /// <summary>
    /// The case as the person may see it, at the revision they edited (<paramref name="version"/>): not found, or a
    /// conflict when someone saved in between.
    /// </summary>
    public async Task<Outcome<Case>> EditableAsync(Guid caseId, int? version, CancellationToken cancellationToken)
    {
        var @case = await FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<Case>.NotFound("Der Fall wurde nicht gefunden.");
        }

        return @case.Version == version ? Outcome<Case>.Done(@case) : Outcome<Case>.Conflict(ApiProblems.ConcurrentEditMessage);
    }

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

    /// <summary>
    /// Whether the person may read and change the resident's file, relatives and consents: coordination; the case
    /// manager or deputy of one of the resident's cases (closed ones too: they keep their file); and, while no case
    /// exists yet, every case manager (someone has to open the first one). A refusal is audited.
    /// </summary>
    public async Task<bool> MaySeeResidentAsync(Guid residentId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Koordination))
        {
            return true;
        }

        var people = await session.Query<Case>().Where(c => c.ResidentId == residentId)
            .Select(c => new { c.CaseManagerId, c.DeputyId }).ToListAsync(cancellationToken);
        var me = user.Id;
        if (people.Count == 0 ? user.IsInRole(Roles.Fallmanagement) : people.Any(p => p.CaseManagerId == me || p.DeputyId == me))
        {
            return true;
        }

        await audit.SaveDeniedAsync("Resident", residentId, null, cancellationToken, residentId);
        return false;
    }

    /// <summary>
    /// Whether the person sees the case only as coordination (neither its case manager nor its deputy): coordination
    /// sees that confidential notes exist, not what they say (stated on the journal page).
    /// </summary>
    public bool IsOnlyCoordination(Case @case) => user.IsInRole(Roles.Koordination) && @case.CaseManagerId != user.Id && @case.DeputyId != user.Id;

    /// <summary>Whether the current person is the deputy (not the owner) of the case: confidential notes are hidden then.</summary>
    public bool IsOnlyDeputy(Case @case) => @case.DeputyId == user.Id && @case.CaseManagerId != user.Id && !user.IsInRole(Roles.Koordination);
}
