using NodaTime;

namespace QuartierPflege.CaseManagement.Contracts.Planning;

/// <summary>
/// The neighbour help open cases have asked for, as the Volunteers module knows it from the messages (what
/// <see cref="NeighbourHelpRequested"/> carried, whom the case manager was proposed and chose, the assignment that
/// started). Used by the Volunteers module's demo data, which loads a snapshot instead of replaying the messages.
/// </summary>
public interface INeighbourHelpRequests
{
    Task<IReadOnlyList<OpenNeighbourHelp>> OpenAsync(CancellationToken cancellationToken);
}

public sealed record OpenNeighbourHelp(
    Guid RequestId,
    Guid CaseId,
    Guid ResidentId,
    string Quartier,
    ResidentAddress ResidentAddress,
    string RoleProfileKey,
    string Description,
    int HoursPerMonth,
    string? PreferredTimes,
    LocalDate StartsOn,
    IReadOnlyList<Guid> ProposedVolunteerIds,
    Guid? ChosenVolunteerId,
    Guid? AssignmentId);
