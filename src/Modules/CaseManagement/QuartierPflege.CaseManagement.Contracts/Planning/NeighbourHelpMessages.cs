using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.CaseManagement.Contracts.Planning;

/// <summary>A case asks for neighbour help; the Volunteers module proposes qualified, available neighbours.</summary>
/// <param name="Description">What the help is about, as consented (no diagnosis).</param>
public sealed record NeighbourHelpRequested(
    Guid MessageId,
    Instant OccurredAt,
    Guid RequestId,
    Guid CaseId,
    Guid ResidentId,
    string Quartier,
    ResidentAddress ResidentAddress,
    string RoleProfileKey,
    string Description,
    int HoursPerMonth,
    string? PreferredTimes,
    LocalDate StartsOn) : IIntegrationMessage
{
    public static string MessageName => "case-management.neighbour-help-requested.v1";
}

/// <summary>
/// The case manager withdrew the neighbour help (the step is cancelled): the Volunteers module drops the open request
/// and ends a running assignment.
/// </summary>
public sealed record NeighbourHelpWithdrawn(Guid MessageId, Instant OccurredAt, Guid RequestId, string Reason) : IIntegrationMessage
{
    public static string MessageName => "case-management.neighbour-help-withdrawn.v1";
}

public sealed record ResidentAddress(string Street, string HouseNumber, string? Flat);

/// <summary>The case manager chose a proposed helper and confirmed the three declarations.</summary>
public sealed record HelperChosen(
    Guid MessageId,
    Instant OccurredAt,
    Guid RequestId,
    Guid VolunteerId,
    Guid ChosenBy,
    HelperDeclarations Declarations) : IIntegrationMessage
{
    public static string MessageName => "case-management.helper-chosen.v1";
}

/// <summary>
/// What the case manager confirmed about helper and resident (§45a SGB XI, SächsPflUVO §10): not related up to the
/// second degree, not living in the same household, not the registered carer.
/// </summary>
public sealed record HelperDeclarations(bool NotRelatedUpToSecondDegree, bool NotSameHousehold, bool NotRegisteredCarer);
