using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Residents.Concerns;

internal sealed record ConcernItem(
    Guid Id,
    string? ResidentName,
    string? ResidentAddress,
    string Description,
    string ReportedByName,
    Instant ReportedAt,
    ConcernStatus Status,
    Guid? CaseId,
    Guid? ResidentId,
    string? DismissalReason,
    string? TriagedByName,
    Instant? TriagedAt);

/// <summary>The triage queue (open concerns, oldest first) and single concerns, for case work.</summary>
internal sealed class ListConcerns(CaseManagementDbContext db)
{
    public async Task<IReadOnlyList<ConcernItem>> OpenAsync(CancellationToken cancellationToken)
        => await db.Concerns.AsNoTracking().Where(c => c.Status == ConcernStatus.Open)
            .OrderBy(c => c.ReportedAt).ThenBy(c => c.Id)
            .Select(c => new ConcernItem(c.Id, c.ResidentName, c.ResidentAddress, c.Description, c.ReportedByName, c.ReportedAt,
                c.Status, c.CaseId, c.ResidentId, c.DismissalReason, c.TriagedByName, c.TriagedAt))
            .ToListAsync(cancellationToken);

    public async Task<ConcernItem?> FindAsync(Guid concernId, CancellationToken cancellationToken)
        => await db.Concerns.AsNoTracking().Where(c => c.Id == concernId)
            .Select(c => new ConcernItem(c.Id, c.ResidentName, c.ResidentAddress, c.Description, c.ReportedByName, c.ReportedAt,
                c.Status, c.CaseId, c.ResidentId, c.DismissalReason, c.TriagedByName, c.TriagedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
