using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>Something overdue on a case, as the dashboard lists it (a follow-up, a plan step, …).</summary>
internal sealed record OverdueItem(Guid CaseId, string CaseNumber, string ResidentName, string Kind, string Title, LocalDate DueOn, string Link);

/// <summary>The earliest items, and how many there are; counting stops at <see cref="GetDashboard.CountCap"/> (<paramref name="TotalCapped"/>).</summary>
internal sealed record OverdueItems(IReadOnlyList<OverdueItem> Items, int Total, bool TotalCapped);

/// <summary>
/// Extension point of the dashboard: every registered source contributes what is overdue on the given cases (already
/// narrowed to what the person may see and to the filters). Follow-ups are one source; the Wege-Hilfe-Plan registers
/// another for its steps (<c>services.AddScoped&lt;IOverdueItemsSource, OverdueSteps&gt;()</c>).
/// </summary>
internal interface IOverdueItemsSource
{
    /// <summary>
    /// Items due before <paramref name="today"/> and not done: the earliest <paramref name="limit"/>, and how many there are
    /// up to <paramref name="countCap"/> (coordination's view spans every case; an exact count of thousands helps nobody).
    /// </summary>
    Task<OverdueItems> FindAsync(IQueryable<Case> cases, LocalDate today, int limit, int countCap, CancellationToken cancellationToken);
}

/// <summary>One overdue thing as a source selects it; the shared part counts, orders and shapes the rows.</summary>
internal sealed class OverdueRow
{
    public Guid CaseId { get; init; }

    public required string CaseNumber { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Title { get; init; }

    public LocalDate DueOn { get; init; }
}

internal static class OverdueRows
{
    /// <summary>The earliest <paramref name="limit"/> rows and their count up to <paramref name="countCap"/>.</summary>
    public static async Task<OverdueItems> ToOverdueItemsAsync(
        this IQueryable<OverdueRow> rows, string kind, string caseSection, int limit, int countCap, CancellationToken cancellationToken)
    {
        var total = await rows.Take(countCap + 1).CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.DueOn).ThenBy(r => r.CaseNumber).Take(limit).ToListAsync(cancellationToken);
        return new OverdueItems(
            [.. items.Select(r => new OverdueItem(r.CaseId, r.CaseNumber, $"{r.FirstName} {r.LastName}", kind, r.Title, r.DueOn,
                $"/CaseManagement/Faelle/{r.CaseId}/{caseSection}"))],
            Math.Min(total, countCap),
            total > countCap);
    }
}

internal sealed class OverdueFollowUps(CaseManagementDbContext db) : IOverdueItemsSource
{
    public Task<OverdueItems> FindAsync(IQueryable<Case> cases, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
        => (from f in db.FollowUps()
            join c in cases on f.CaseId equals c.Id
            where f.DoneAt == null && f.DueOn < today
            select new OverdueRow
            {
                CaseId = c.Id,
                CaseNumber = c.Number,
                FirstName = c.Resident!.FirstName,
                LastName = c.Resident.LastName,
                Title = f.Title,
                DueOn = f.DueOn,
            })
            .ToOverdueItemsAsync("Wiedervorlage", "Wiedervorlagen", limit, countCap, cancellationToken);
}
