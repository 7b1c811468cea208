using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Planning.Plan;

/// <summary>Open steps of the Wege-Hilfe-Plan whose due date has passed, for the dashboard's "Überfällig" list.</summary>
internal sealed class OverdueSteps(IQuerySession session) : IOverdueItemsSource
{
    public Task<OverdueItems> FindAsync(CaseScope scope, LocalDate today, int limit, int countCap, CancellationToken cancellationToken)
        => OverdueRows.QueryAsync(session, scope,
            $"{PlanningDocuments.PlanSteps} s", "s", "s.due_on < ? AND s.status NOT IN ('Done', 'Cancelled')", [today], "s.data ->> 'Title'", "s.due_on", "Maßnahme", "Plan", limit, countCap, cancellationToken);
}
