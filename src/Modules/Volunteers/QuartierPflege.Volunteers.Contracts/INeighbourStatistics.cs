namespace QuartierPflege.Volunteers.Contracts;

/// <summary>
/// The neighbours of one role in one Quartier: how many are active in it (confirmed, enrolment active), the hours they
/// gave last month (confirmed visit logs) and the hours still free this month by the matching rule (the role's monthly
/// limit minus the hours of their running assignments; §45a counts all roles). <see cref="FreeHoursThisMonth"/> is null
/// for a role without a monthly limit.
/// </summary>
public sealed record NeighbourCell(string Quartier, string RoleProfileKey, string RoleName, int ActiveVolunteers, decimal HoursLastMonth, decimal? FreeHoursThisMonth);

/// <summary>The role profiles by key with their German names, and the cells.</summary>
public sealed record NeighbourFigures(IReadOnlyDictionary<string, string> Roles, IReadOnlyList<NeighbourCell> Cells);

/// <summary>Aggregate, read-only figures of the volunteers (for the Quartier-Lagebild): counts and hours, never a name.</summary>
public interface INeighbourStatistics
{
    /// <summary>Every role × Quartier with an active volunteer or hours given last month.</summary>
    Task<NeighbourFigures> NeighboursAsync(CancellationToken cancellationToken);
}
