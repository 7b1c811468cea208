using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Documents;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features.Statistics;

internal static class NeighbourStatisticsRegistration
{
    public static IServiceCollection AddNeighbourStatistics(this IServiceCollection services)
        => services.AddScoped<INeighbourStatistics, NeighbourStatistics>();
}

/// <summary>
/// Active neighbours, last month's hours and this month's free hours per Quartier and role in one grouped query. The
/// active ones are matching's narrow rows (<see cref="MatchCandidate"/>: confirmed volunteers, one row per active role);
/// free hours follow matching's rule (<see cref="Matching.HoursLimit"/> minus the running assignments' hours).
/// The logs and assignments are summed per volunteer before anything is joined or grouped (<c>OFFSET 0</c> keeps those
/// subqueries apart): otherwise the planner, which cannot estimate the JSON filters, sorted whole documents on disk.
/// </summary>
internal sealed class NeighbourStatistics(IQuerySession session, IClock clock) : INeighbourStatistics
{
    private const string Sql = $"""
        WITH load AS (
            SELECT volunteer_id, role, sum(hours) AS hours FROM (
                SELECT a.volunteer_id, a.data ->> 'RoleProfileKey' AS role, (a.data ->> 'HoursPerMonth')::int AS hours
                FROM {VolunteersDocuments.Assignments} a WHERE a.data ->> 'Status' = 'Active' OFFSET 0) AS running
            GROUP BY 1, 2),
        total AS (SELECT volunteer_id, sum(hours) AS hours FROM load GROUP BY 1),
        roles AS (SELECT * FROM unnest(?::text[], ?::int[], ?::boolean[]) AS r(role_key, hours_limit, all_roles)),
        active AS (
            SELECT c.quartier, c.role_profile_key AS role, count(*)::int AS volunteers,
                sum(CASE WHEN r.hours_limit > 0
                    THEN greatest(0, r.hours_limit - coalesce(CASE WHEN r.all_roles THEN t.hours ELSE l.hours END, 0)) END) AS free,
                bool_or(coalesce(r.hours_limit, 0) = 0) AS unlimited
            FROM {VolunteersDocuments.MatchCandidates} c
            LEFT JOIN roles r ON r.role_key = c.role_profile_key
            LEFT JOIN load l ON l.volunteer_id = c.volunteer_id AND l.role = c.role_profile_key
            LEFT JOIN total t ON t.volunteer_id = c.volunteer_id
            GROUP BY 1, 2),
        given AS (
            SELECT v.quartier, g.role, sum(g.minutes) AS minutes
            FROM (SELECT volunteer_id, role, sum(minutes) AS minutes FROM (
                    SELECT l.volunteer_id, l.data ->> 'RoleProfileKey' AS role, (l.data ->> 'Minutes')::int AS minutes
                    FROM {ActivityLogs} l WHERE l.date >= ? AND l.date < ? AND l.data ->> 'State' = 'Confirmed' OFFSET 0) AS confirmed
                GROUP BY 1, 2) g
            JOIN {VolunteersDocuments.Volunteers} v ON v.id = g.volunteer_id
            GROUP BY 1, 2)
        SELECT jsonb_build_object('Quartier', coalesce(a.quartier, g.quartier), 'Role', coalesce(a.role, g.role),
            'Volunteers', coalesce(a.volunteers, 0), 'Minutes', coalesce(g.minutes, 0), 'Free', a.free, 'Unlimited', coalesce(a.unlimited, false))
        FROM active a FULL JOIN given g ON g.quartier = a.quartier AND g.role = a.role
        """;

    internal const string ActivityLogs = VolunteersDocuments.SchemaName + ".mt_doc_activitylog";

    public async Task<NeighbourFigures> NeighboursAsync(CancellationToken cancellationToken)
    {
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        var thisMonth = clock.ThisMonth().OnDayOfMonth(1);
        var lastMonth = thisMonth.PlusMonths(-1);
        var keys = roles.Values.Select(r => r.Id).ToArray();
        var rows = await session.AdvancedSql.QueryAsync<NeighbourRow>(Sql, cancellationToken,
            keys, keys.Select(k => Domain.Matching.HoursLimit(roles[k])).ToArray(), keys.Select(k => roles[k].Section45a).ToArray(), lastMonth, thisMonth);
        return new NeighbourFigures(roles.Values.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal), [.. rows.Select(r => new NeighbourCell(r.Quartier, r.Role, roles.TryGetValue(r.Role, out var role) ? role.Name : r.Role, r.Volunteers,
                decimal.Round(r.Minutes / 60m, 1), r.Volunteers == 0 ? 0 : r.Unlimited ? null : r.Free ?? 0))
            .OrderBy(c => c.Quartier, StringComparer.Ordinal).ThenBy(c => c.RoleProfileKey, StringComparer.Ordinal)]);
    }

    private sealed record NeighbourRow(string Quartier, string Role, int Volunteers, int Minutes, decimal? Free, bool Unlimited);
}
