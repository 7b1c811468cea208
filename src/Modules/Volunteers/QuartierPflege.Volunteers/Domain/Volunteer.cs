using JasperFx;
using NodaTime;

namespace QuartierPflege.Volunteers.Domain;

internal enum VolunteerStatus
{
    /// <summary>Registered themselves; a coordinator has not confirmed yet (no account).</summary>
    Registered = 0,

    Confirmed = 1,

    Inactive = 2,
}

internal enum EnrolmentState
{
    Applied = 0,
    InTraining = 1,
    Active = 2,
    Suspended = 3,
    Ended = 4,
}

/// <summary>A neighbour who helps (Ehrenamtliche:r), with their enrolments in role profiles.</summary>
internal sealed class Volunteer : IRevisioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The account, once a coordinator confirmed the registration.</summary>
    public Guid? UserId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";

    public required string Email { get; set; }

    public required string Phone { get; set; }

    public required string Street { get; set; }

    public required string HouseNumber { get; set; }

    public string? Flat { get; set; }

    public required string Quartier { get; set; }

    public LocalDate BirthDate { get; set; }

    public List<string> Languages { get; set; } = [];

    /// <summary>Weekly availability as slot keys "mo-vormittag" … "so-abend" (see <see cref="Availability"/>).</summary>
    public List<string> Availability { get; set; } = [];

    public string Skills { get; set; } = string.Empty;

    public VolunteerStatus Status { get; set; }

    public Instant RegisteredAt { get; set; }

    public List<Enrolment> Enrolments { get; set; } = [];

    /// <summary>Role keys of the active enrolments, kept for matching (indexed).</summary>
    public List<string> ActiveRoles { get; set; } = [];

    public int Version { get; set; }

    public void RefreshActiveRoles() => ActiveRoles = [.. Enrolments.Where(e => e.State == EnrolmentState.Active).Select(e => e.RoleProfileKey)];
}

internal sealed class Enrolment
{
    public required string RoleProfileKey { get; init; }

    public EnrolmentState State { get; set; }

    public LocalDate Since { get; set; }

    /// <summary>Why it is suspended (German), shown to the volunteer.</summary>
    public string? Reason { get; set; }
}

/// <summary>A completed training or a verified external certificate (Nachweis).</summary>
internal sealed class Certificate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VolunteerId { get; init; }

    public required string CourseKey { get; init; }

    public required string CourseName { get; init; }

    public LocalDate IssuedOn { get; init; }

    public LocalDate? ExpiresOn { get; init; }

    /// <summary>An uploaded external certificate counts only once a coordinator verified it.</summary>
    public bool Verified { get; set; }

    public string? FileName { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Content { get; init; }

    public bool ValidOn(LocalDate date) => Verified && IssuedOn <= date && (ExpiresOn is null || ExpiresOn > date);
}

/// <summary>A warning sent for one certificate and threshold; its id makes it unique (two runs, two Hosts: one mail).</summary>
internal sealed class ExpiryWarning
{
    public required string Id { get; init; }

    public Guid CertificateId { get; init; }

    public int DaysBefore { get; init; }

    public Instant SentAt { get; init; }

    public static string IdOf(Guid certificateId, int daysBefore) => $"{certificateId:N}-{daysBefore}";
}

/// <summary>
/// One volunteer ready for one role, as matching reads it: narrow columns instead of the whole volunteer, so that ranking
/// thousands of them is a scan of an index and a few integers. Kept in step with the volunteer by
/// <c>MatchCandidateListener</c> in the same commit; only confirmed volunteers with an active enrolment have rows.
/// </summary>
internal sealed class MatchCandidate
{
    public required string Id { get; init; }

    public Guid VolunteerId { get; init; }

    public required string RoleProfileKey { get; init; }

    public required string Quartier { get; init; }

    public required string LastName { get; init; }

    /// <summary>The weekly availability as bits (see <see cref="Availability.Mask"/>).</summary>
    public int AvailabilityMask { get; init; }

    public static string IdOf(Guid volunteerId, string roleProfileKey) => $"{volunteerId:N}-{roleProfileKey}";

    public static IReadOnlyList<MatchCandidate> For(Volunteer volunteer)
        => volunteer.Status != VolunteerStatus.Confirmed
            ? []
            : [.. volunteer.ActiveRoles.Distinct(StringComparer.Ordinal).Select(role => new MatchCandidate
            {
                Id = IdOf(volunteer.Id, role), VolunteerId = volunteer.Id, RoleProfileKey = role, Quartier = volunteer.Quartier,
                LastName = volunteer.LastName, AvailabilityMask = Availability.Mask(volunteer.Availability),
            })];
}
