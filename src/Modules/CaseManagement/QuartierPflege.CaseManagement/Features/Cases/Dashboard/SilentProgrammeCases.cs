using Marten;
using NodaTime;
using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>Open cases of the programme without contact since the cutoff (coordination's view of the dashboard and of "Heute").</summary>
internal static class SilentProgrammeCases
{
    /// <summary>How many there are, counted up to one over <paramref name="countCap"/>, and the <paramref name="limit"/> quietest.</summary>
    public static async Task<(int Total, IReadOnlyList<Case> Shown)> FindAsync(
        IQuerySession session, CaseScope scope, LocalDate cutoff, int limit, int countCap, CancellationToken cancellationToken)
    {
        var silent = scope.Apply(session.Query<Case>()).Where(c => c.Status != CaseStatus.Closed && c.LastContactOn <= cutoff);
        // Counting stops at the cap: ids of at most countCap + 1 cases, read from the partial index.
        var total = (await silent.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Take(countCap + 1)
            .Select(c => c.Id).ToListAsync(cancellationToken)).Count;
        IReadOnlyList<Case> shown = total == 0
            ? []
            : await silent.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Take(limit).ToListAsync(cancellationToken);
        return (total, shown);
    }
}
