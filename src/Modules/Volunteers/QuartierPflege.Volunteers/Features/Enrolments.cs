using Marten;
using NodaTime;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Features;

/// <summary>
/// Brings a volunteer's enrolments in line with their certificates on a date: active when every requirement is met,
/// suspended when one lapsed, active again when renewed. Returns the messages to publish (each state change once).
/// </summary>
internal static class Enrolments
{
    /// <param name="pending">Certificates of this unit of work not committed yet (new or changed); they replace stored ones.</param>
    public static async Task<List<object>> ReevaluateAsync(
        IQuerySession session, Volunteer volunteer, LocalDate date, Instant now, CancellationToken cancellationToken, IReadOnlyCollection<Certificate>? pending = null)
    {
        var id = volunteer.Id;
        var mine = (pending ?? []).Where(c => c.VolunteerId == id).ToList();
        var certificates = (await session.Query<Certificate>().Where(c => c.VolunteerId == id).ToListAsync(cancellationToken))
            .Where(c => mine.All(p => p.Id != c.Id)).Concat(mine).ToList();
        var roles = await Catalogue.RolesAsync(session, cancellationToken);
        return Reevaluate(volunteer, roles, certificates, date, now);
    }

    public static List<object> Reevaluate(
        Volunteer volunteer, IReadOnlyDictionary<string, RoleProfile> roles, IReadOnlyCollection<Certificate> certificates, LocalDate date, Instant now)
    {
        var messages = new List<object>();
        foreach (var enrolment in volunteer.Enrolments)
        {
            if (!roles.TryGetValue(enrolment.RoleProfileKey, out var role))
            {
                continue;
            }

            var missing = Requirements.Missing(role, certificates, date);
            var next = Requirements.Next(enrolment.State, missing.Count > 0, certificates.Count > 0);
            if (next == enrolment.State)
            {
                continue;
            }

            enrolment.State = next;
            enrolment.Since = date;
            if (next == EnrolmentState.Suspended)
            {
                enrolment.Reason = $"Nachweis fehlt oder ist abgelaufen: {string.Join(", ", missing.Select(m => NameOf(certificates, m)))}";
                messages.Add(new EnrolmentSuspended(Guid.NewGuid(), now, volunteer.Id, role.Id, enrolment.Reason, date));
            }
            else if (next == EnrolmentState.Active)
            {
                enrolment.Reason = null;
                messages.Add(new EnrolmentActivated(Guid.NewGuid(), now, volunteer.Id, role.Id, role.CompensationModelKey, date));
            }

        }

        volunteer.RefreshActiveRoles();
        return messages;
    }

    private static string NameOf(IReadOnlyCollection<Certificate> certificates, string courseKey)
        => certificates.FirstOrDefault(c => c.CourseKey == courseKey)?.CourseName ?? Catalogue.CourseName(courseKey);
}
