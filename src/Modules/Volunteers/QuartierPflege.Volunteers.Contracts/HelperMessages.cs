using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Volunteers.Contracts;

/// <summary>Qualified, available neighbours for a neighbour-help request.</summary>
public sealed record HelpersProposed(Guid MessageId, Instant OccurredAt, Guid RequestId, IReadOnlyList<HelperCandidate> Candidates)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.helpers-proposed.v1";
}

/// <summary>A proposed neighbour, best first; <paramref name="Reason"/> says in German why they rank where they do.</summary>
public sealed record HelperCandidate(
    Guid VolunteerId,
    string DisplayName,
    string Quartier,
    IReadOnlyList<string> Languages,
    decimal HoursFreeThisMonth,
    IReadOnlyList<string> ActiveRoles,
    string? Reason = null);

public sealed record AssignmentStarted(
    Guid MessageId,
    Instant OccurredAt,
    Guid AssignmentId,
    Guid RequestId,
    Guid CaseId,
    Guid VolunteerId,
    string RoleProfileKey,
    string CompensationModelKey,
    LocalDate StartsOn) : IIntegrationMessage
{
    public static string MessageName => "volunteers.assignment-started.v1";
}

/// <summary>The chosen helper could not be assigned (e.g. the 40 hours a month would be exceeded).</summary>
public sealed record AssignmentRefused(Guid MessageId, Instant OccurredAt, Guid RequestId, Guid VolunteerId, IReadOnlyList<string> Reasons)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.assignment-refused.v1";
}

/// <summary>A volunteer's role lapsed (e.g. an expired training): they may not help in that role from the date on.</summary>
public sealed record EnrolmentSuspended(Guid MessageId, Instant OccurredAt, Guid VolunteerId, string RoleProfileKey, string Reason, LocalDate From)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.enrolment-suspended.v1";
}
