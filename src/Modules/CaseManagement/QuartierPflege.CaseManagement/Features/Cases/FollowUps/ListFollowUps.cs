using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.FollowUps;

internal sealed record CaseFollowUps(Guid CaseId, string CaseNumber, Guid ResidentId, string ResidentName, bool CaseClosed, LocalDate OpenedOn, IReadOnlyList<FollowUpItem> Items);

/// <summary>A case's follow-ups: open ones by due date first, then the done ones (latest first).</summary>
internal sealed class ListFollowUps(IQuerySession session, CaseAccess access, AuditTrail audit, IClock clock)
{
    public async Task<Outcome<CaseFollowUps>> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case is null)
        {
            return Outcome<CaseFollowUps>.NotFound("Der Fall wurde nicht gefunden.");
        }

        var today = clock.Today();
        var all = await session.Query<FollowUp>().Where(f => f.CaseId == caseId).ToListAsync(cancellationToken);
        var ordered = all.Where(f => !f.IsDone).OrderBy(f => f.DueOn).ThenBy(f => f.CreatedAt)
            .Concat(all.Where(f => f.IsDone).OrderByDescending(f => f.DoneAt));
        await audit.SaveReadAsync("Case", @case.Id, $"Wiedervorlagen des Falls {@case.Number} angesehen", @case.ResidentId, @case.Id, cancellationToken);
        return Outcome<CaseFollowUps>.Done(new CaseFollowUps(@case.Id, @case.Number, @case.ResidentId, @case.ResidentName, @case.IsClosed,
            @case.OpenedOn, [.. ordered.Select(f => FollowUpItem.From(f, today))]));
    }
}
