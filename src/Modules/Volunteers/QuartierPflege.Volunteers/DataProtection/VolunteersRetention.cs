using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// When a record of Volunteers is due under a retention period, as plain functions: the sweep and the forecast ask the
/// same question. "Due" means the period ended before <c>date</c> (a period starting on day S ends on S + period; the
/// record goes the day after).
/// </summary>
internal static class VolunteersRetention
{
    private static bool Ended(LocalDate start, RetentionDuration period, LocalDate date) => period.EndsAfter(start) < date;

    private static LocalDate EndOfYear(LocalDate day) => new(day.Year, 12, 31);

    /// <summary>
    /// A profile is due when the volunteer has left in practice: no active role, no running assignment, and nothing
    /// happened (registration, role, assignment, log) within the period.
    /// </summary>
    public static bool ProfileDue(bool hasActiveRole, bool hasActiveAssignment, LocalDate lastActivity, RetentionDuration period, LocalDate date)
        => !hasActiveRole && !hasActiveAssignment && Ended(lastActivity, period, date);

    /// <summary>The last day anything happened with the volunteer.</summary>
    public static LocalDate LastActivity(Volunteer volunteer, IEnumerable<Assignment> assignments, IEnumerable<ActivityLog> logs)
    {
        var days = new List<LocalDate> { volunteer.RegisteredAt.InBerlin().Date };
        days.AddRange(volunteer.Enrolments.Select(e => e.Since));
        days.AddRange(assignments.Select(a => a.EndedOn ?? a.StartsOn));
        days.AddRange(logs.Select(l => l.Date));
        return days.Max();
    }

    /// <summary>A certificate is due once it expired and the period after its expiry ended (one without expiry goes with the profile).</summary>
    public static bool CertificateDue(Certificate certificate, RetentionDuration period, LocalDate date)
        => certificate.ExpiresOn is { } expires && Ended(expires, period, date);

    public static bool TrainingDue(TrainingSession session, RetentionDuration period, LocalDate date)
        => Ended(session.StartsAt.Date, period, date);

    /// <summary>A help request: once withdrawn (or its case closed) and the period passed; a request never withdrawn stays.</summary>
    public static bool HelpRequestDue(HelpRequest request, RetentionDuration period, LocalDate date)
        => request.AnonymisedOn is null && request.Withdrawn && Ended(request.WithdrawnOn ?? request.StartsOn, period, date);

    public static bool AssignmentDue(Assignment assignment, RetentionDuration period, LocalDate date)
        => assignment.AnonymisedOn is null && assignment.Status == AssignmentStatus.Ended && Ended(assignment.EndedOn ?? assignment.StartsOn, period, date);

    /// <summary>A visit log counts from the end of the year it was made in (statistics and the funder's proof are yearly).</summary>
    public static bool VisitLogDue(ActivityLog log, RetentionDuration period, LocalDate date)
        => log.AnonymisedOn is null && Ended(EndOfYear(log.Date), period, date);

    public static bool ReadAuditDue(VolunteerReadAudit entry, RetentionDuration period, LocalDate date)
        => Ended(entry.At.InBerlin().Date, period, date);

    /// <summary>What stays of a help request for statistics: Quartier, role, hours, dates.</summary>
    public static void Anonymise(HelpRequest request, LocalDate on)
    {
        request.Street = Anonymised;
        request.HouseNumber = string.Empty;
        request.Flat = null;
        request.Description = Anonymised;
        request.PreferredTimes = null;
        request.Proposed = [];
        request.AnonymisedOn = on;
    }

    public static void Anonymise(Assignment assignment, LocalDate on)
    {
        assignment.Street = Anonymised;
        assignment.HouseNumber = string.Empty;
        assignment.Description = Anonymised;
        assignment.AnonymisedOn = on;
    }

    public static void Anonymise(ActivityLog log, LocalDate on)
    {
        log.Note = null;
        log.ReturnComment = null;
        log.VolunteerId = Guid.Empty;
        log.AnonymisedOn = on;
    }

    public const string Anonymised = "anonymisiert";
}
