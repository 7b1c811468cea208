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

internal sealed class OverdueFollowUps(CaseManagementDbContext db) : IOverdueItemsSource
{
    public async Task<OverdueItems> FindAsync(IQueryable<Case> cases, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
    {
        var overdue = from f in db.FollowUps()
                      join c in cases on f.CaseId equals c.Id
                      where f.DoneAt == null && f.DueOn < today
                      select new { f, c };
        var total = await overdue.Take(countCap + 1).CountAsync(cancellationToken);
        var items = await overdue
            .OrderBy(x => x.f.DueOn).ThenBy(x => x.c.Number)
            .Take(limit)
            .Select(x => new { x.c.Id, x.c.Number, x.c.Resident!.FirstName, x.c.Resident.LastName, x.f.Title, x.f.DueOn })
            .ToListAsync(cancellationToken);
        return new OverdueItems(
            [.. items.Select(i => new OverdueItem(i.Id, i.Number, $"{i.FirstName} {i.LastName}", "Wiedervorlage", i.Title, i.DueOn,
                $"/CaseManagement/Faelle/{i.Id}/Wiedervorlagen"))],
            Math.Min(total, countCap),
            total > countCap);
    }
}
