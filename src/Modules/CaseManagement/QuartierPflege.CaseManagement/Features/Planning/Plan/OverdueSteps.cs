using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>Open steps of the Wege-Hilfe-Plan whose due date has passed, for the dashboard's "Überfällig" list.</summary>
internal sealed class OverdueSteps(CaseManagementDbContext db) : IOverdueItemsSource
{
    public async Task<OverdueItems> FindAsync(IQueryable<Case> cases, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
    {
        var overdue = from s in db.Steps()
                      join c in cases on s.CaseId equals c.Id
                      where s.DueOn != null && s.DueOn < today && s.Status != StepStatus.Done && s.Status != StepStatus.Cancelled
                      select new { s, c };
        var total = await overdue.Take(countCap + 1).CountAsync(cancellationToken);
        var items = await overdue
            .OrderBy(x => x.s.DueOn).ThenBy(x => x.c.Number)
            .Take(limit)
            .Select(x => new { x.c.Id, x.c.Number, x.c.Resident!.FirstName, x.c.Resident.LastName, x.s.Title, DueOn = x.s.DueOn!.Value })
            .ToListAsync(cancellationToken);
        return new OverdueItems(
            [.. items.Select(i => new OverdueItem(i.Id, i.Number, $"{i.FirstName} {i.LastName}", "Maßnahme", i.Title, i.DueOn,
                $"/CaseManagement/Faelle/{i.Id}/Plan"))],
            Math.Min(total, countCap),
            total > countCap);
    }
}
