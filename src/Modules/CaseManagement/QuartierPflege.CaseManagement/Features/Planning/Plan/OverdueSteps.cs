using NodaTime;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>Open steps of the Wege-Hilfe-Plan whose due date has passed, for the dashboard's "Überfällig" list.</summary>
internal sealed class OverdueSteps(CaseManagementDbContext db) : IOverdueItemsSource
{
    public Task<OverdueItems> FindAsync(IQueryable<Case> cases, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
        => (from s in db.Steps()
            join c in cases on s.CaseId equals c.Id
            where s.DueOn != null && s.DueOn < today && s.Status != StepStatus.Done && s.Status != StepStatus.Cancelled
            select new OverdueRow
            {
                CaseId = c.Id,
                CaseNumber = c.Number,
                FirstName = c.Resident!.FirstName,
                LastName = c.Resident.LastName,
                Title = s.Title,
                DueOn = s.DueOn!.Value,
            })
            .ToOverdueItemsAsync("Maßnahme", "Plan", limit, countCap, cancellationToken);
}
