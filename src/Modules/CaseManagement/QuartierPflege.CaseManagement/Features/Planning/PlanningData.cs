using Microsoft.EntityFrameworkCore;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Planning;

/// <summary>The planning tables (their configurations are picked up from the assembly with the others).</summary>
internal static class PlanningData
{
    public static DbSet<HomeVisit> HomeVisits(this CaseManagementDbContext db) => db.Set<HomeVisit>();

    public static DbSet<ProblemSituation> Problems(this CaseManagementDbContext db) => db.Set<ProblemSituation>();

    public static DbSet<PlanStep> Steps(this CaseManagementDbContext db) => db.Set<PlanStep>();

    public static DbSet<Referral> Referrals(this CaseManagementDbContext db) => db.Set<Referral>();

    public static DbSet<NeighbourHelpRequest> NeighbourHelpRequests(this CaseManagementDbContext db) => db.Set<NeighbourHelpRequest>();

    /// <summary>Steps with everything a change needs (referral, neighbour help, history are appended to).</summary>
    public static IQueryable<PlanStep> StepsWithDetails(this CaseManagementDbContext db)
        => db.Steps().Include(s => s.Referral).Include(s => s.NeighbourHelp);
}
