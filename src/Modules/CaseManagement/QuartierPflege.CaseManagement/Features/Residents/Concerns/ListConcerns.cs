using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;

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
internal sealed class ListConcerns(IQuerySession session)
{
    public async Task<IReadOnlyList<ConcernItem>> OpenAsync(CancellationToken cancellationToken)
        => [.. (await session.Query<Concern>().Where(c => c.Status == ConcernStatus.Open)
                .OrderBy(c => c.ReportedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken))
            .Select(Item)];

    public async Task<ConcernItem?> FindAsync(Guid concernId, CancellationToken cancellationToken)
        => await session.LoadAsync<Concern>(concernId, cancellationToken) is { } concern ? Item(concern) : null;

    private static ConcernItem Item(Concern c) => new(c.Id, c.ResidentName, c.ResidentAddress, c.Description, c.ReportedByName, c.ReportedAt,
        c.Status, c.CaseId, c.ResidentId, c.DismissalReason, c.TriagedByName, c.TriagedAt);
}
