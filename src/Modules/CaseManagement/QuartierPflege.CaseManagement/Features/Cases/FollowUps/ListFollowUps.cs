using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.FollowUps;

internal sealed record CaseFollowUps(Guid CaseId, string CaseNumber, Guid ResidentId, string ResidentName, bool CaseClosed, LocalDate OpenedOn, IReadOnlyList<FollowUpItem> Items);

/// <summary>A case's follow-ups: open ones by due date first, then the done ones (latest first).</summary>
internal sealed class ListFollowUps(CaseManagementDbContext db, CaseAccess access, AuditTrail audit, IClock clock)
{
    public async Task<Outcome<CaseFollowUps>> HandleAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await access.FindAsync(caseId, cancellationToken);
        if (@case?.Resident is not { } resident)
        {
            return Outcome<CaseFollowUps>.NotFound("Der Fall wurde nicht gefunden.");
        }

        var today = clock.Today();
        var all = await db.FollowUps().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(cancellationToken);
        var ordered = all.Where(f => !f.IsDone).OrderBy(f => f.DueOn).ThenBy(f => f.CreatedAt)
            .Concat(all.Where(f => f.IsDone).OrderByDescending(f => f.DoneAt));
        await audit.SaveReadAsync("Case", @case.Id, $"Wiedervorlagen des Falls {@case.Number} angesehen", resident.Id, @case.Id, cancellationToken);
        return Outcome<CaseFollowUps>.Done(new CaseFollowUps(@case.Id, @case.Number, resident.Id, resident.DisplayName, @case.IsClosed,
            @case.OpenedOn, [.. ordered.Select(f => FollowUpItem.From(f, today))]));
    }
}
