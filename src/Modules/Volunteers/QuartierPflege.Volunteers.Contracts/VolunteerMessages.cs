using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.Volunteers.Contracts;

/// <summary>A coordinator confirmed a neighbour's registration: the person now has an account and may enrol.</summary>
public sealed record VolunteerRegistered(Guid MessageId, Instant OccurredAt, Guid VolunteerId, string DisplayName, string Email, string Quartier)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.volunteer-registered.v1";
}

/// <summary>
/// The invitation for a newly confirmed volunteer: Notifications mails it. Carries the link to set the first password,
/// which is why it is a message of its own (the registration event goes to more consumers).
/// </summary>
public sealed record VolunteerInvited(Guid MessageId, Instant OccurredAt, Guid VolunteerId, string DisplayName, string Email, string InvitationLink)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.volunteer-invited.v1";
}

public sealed record AssignmentEnded(Guid MessageId, Instant OccurredAt, Guid AssignmentId, LocalDate EndedOn, string Reason)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.assignment-ended.v1";
}

public sealed record EnrolmentActivated(Guid MessageId, Instant OccurredAt, Guid VolunteerId, string RoleProfileKey, string CompensationModelKey, LocalDate From)
    : IIntegrationMessage
{
    public static string MessageName => "volunteers.enrolment-activated.v1";
}

/// <summary>A certificate lapses in <paramref name="DaysLeft"/> days (60, 30 or 7): the volunteer is warned by mail.</summary>
public sealed record TrainingExpiring(
    Guid MessageId,
    Instant OccurredAt,
    Guid VolunteerId,
    string Email,
    string DisplayName,
    Guid CertificateId,
    string TrainingName,
    LocalDate ExpiresOn,
    int DaysLeft) : IIntegrationMessage
{
    public static string MessageName => "volunteers.training-expiring.v1";
}

/// <summary>A coordinator confirmed a visit log: it counts for compensation.</summary>
public sealed record ActivityConfirmed(
    Guid MessageId,
    Instant OccurredAt,
    Guid ActivityId,
    Guid VolunteerId,
    Guid? AssignmentId,
    string RoleProfileKey,
    LocalDate Date,
    int Minutes,
    decimal Kilometres,
    string Kind) : IIntegrationMessage
{
    public static string MessageName => "volunteers.activity-confirmed.v1";
}

/// <summary>A confirmed visit log was changed or cancelled afterwards; compensation adjusts a later month.</summary>
public sealed record ActivityCorrected(
    Guid MessageId,
    Instant OccurredAt,
    Guid ActivityId,
    Guid VolunteerId,
    LocalDate Date,
    int Minutes,
    decimal Kilometres,
    bool Cancelled) : IIntegrationMessage
{
    public static string MessageName => "volunteers.activity-corrected.v1";
}

/// <summary>
/// Command (daily job, 06:00 Europe/Berlin): warn about certificates lapsing in 60, 30 or 7 days and suspend enrolments
/// whose requirement lapses on or before <paramref name="Date"/>. Idempotent per certificate and threshold.
/// </summary>
public sealed record CheckTrainingExpiry(Guid MessageId, Instant OccurredAt, LocalDate Date) : IIntegrationMessage
{
    public static string MessageName => "volunteers.check-training-expiry.v1";
}
