using Microsoft.EntityFrameworkCore;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Access;

/// <summary>
/// Record-level access to cases: the case manager, the deputy and coordination see a case; anybody else is told it does
/// not exist (404) and the attempt is audited. Every feature that loads a case goes through here.
/// </summary>
internal sealed class CaseAccess(CaseManagementDbContext db, ICurrentUser user, AuditTrail audit)
{
    public bool CanSee(Case @case) => user.IsInRole(Roles.Koordination) || @case.CaseManagerId == user.Id || @case.DeputyId == user.Id;

    /// <summary>Cases this person may see, as a query to filter further.</summary>
    public IQueryable<Case> VisibleCases()
        => user.IsInRole(Roles.Koordination)
            ? db.Cases
            : db.Cases.Where(c => c.CaseManagerId == user.Id || c.DeputyId == user.Id);

    /// <summary>Loads a case the person may see (tracked, for changes), or null after auditing the denied attempt.</summary>
    public async Task<Case?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Resident).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
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

    /// <summary>Whether the current person is the deputy (not the owner) of the case: confidential notes are hidden then.</summary>
    public bool IsOnlyDeputy(Case @case) => @case.DeputyId == user.Id && @case.CaseManagerId != user.Id && !user.IsInRole(Roles.Koordination);
}
