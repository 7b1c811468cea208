using Marten;
using NodaTime;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>What a sweep on one date would delete or anonymise in Volunteers: computed once for the forecast and the sweep.</summary>
internal sealed class VolunteersSweepPlan
{
    public List<Volunteer> Profiles { get; } = [];

    public List<Certificate> Certificates { get; } = [];

    public List<TrainingSession> Sessions { get; } = [];

    public List<HelpRequest> HelpRequests { get; } = [];

    public List<Assignment> Assignments { get; } = [];

    public List<ActivityLog> Logs { get; } = [];

    public List<VolunteerReadAudit> ReadAudits { get; } = [];

    public IReadOnlyList<RetentionCount> Counts() =>
    [
        new(VolunteersPersonalData.Profile, 0, Profiles.Count),
        new(VolunteersPersonalData.CertificateKind, 0, Certificates.Count),
        new(VolunteersPersonalData.Training, 0, Sessions.Count),
        new(VolunteersPersonalData.HelpRequestKind, HelpRequests.Count, 0),
        new(VolunteersPersonalData.AssignmentKind, Assignments.Count, 0),
        new(VolunteersPersonalData.VisitLog, Logs.Count, 0),
        new(VolunteersPersonalData.ReadAudit, 0, ReadAudits.Count),
    ];

    public static async Task<VolunteersSweepPlan> ForAsync(IQuerySession session, RetentionPeriods periods, LocalDate date, CancellationToken cancellationToken)
    {
        var plan = new VolunteersSweepPlan();
        var profile = periods.For(VolunteersPersonalData.Profile);
        var withoutRole = await session.Query<Volunteer>().Where(v => !v.ActiveRoles.Any()).ToListAsync(cancellationToken);
        var ids = withoutRole.Select(v => v.Id).ToArray();
        var theirAssignments = (await session.Query<Assignment>().Where(a => a.VolunteerId.In(ids)).ToListAsync(cancellationToken)).ToLookup(a => a.VolunteerId);
        var theirLogs = (await session.Query<ActivityLog>().Where(l => l.VolunteerId.In(ids)).ToListAsync(cancellationToken)).ToLookup(l => l.VolunteerId);
        plan.Profiles.AddRange(withoutRole.Where(v => VolunteersRetention.ProfileDue(
            v.ActiveRoles.Count > 0,
            theirAssignments[v.Id].Any(a => a.Status == AssignmentStatus.Active),
            VolunteersRetention.LastActivity(v, theirAssignments[v.Id], theirLogs[v.Id]),
            profile,
            date)));

        var leaving = plan.Profiles.Select(v => v.Id).ToHashSet();
        var certificate = periods.For(VolunteersPersonalData.CertificateKind);
        var expiredBefore = date;
        plan.Certificates.AddRange((await session.Query<Certificate>().Where(c => c.ExpiresOn < expiredBefore || c.VolunteerId.In(leaving.ToArray())).ToListAsync(cancellationToken))
            .Where(c => leaving.Contains(c.VolunteerId) || VolunteersRetention.CertificateDue(c, certificate, date)));

        var training = periods.For(VolunteersPersonalData.Training);
        plan.Sessions.AddRange((await session.Query<TrainingSession>().ToListAsync(cancellationToken)).Where(s => VolunteersRetention.TrainingDue(s, training, date)));

        var request = periods.For(VolunteersPersonalData.HelpRequestKind);
        plan.HelpRequests.AddRange((await session.Query<HelpRequest>().Where(r => r.Withdrawn && r.AnonymisedOn == null).ToListAsync(cancellationToken))
            .Where(r => VolunteersRetention.HelpRequestDue(r, request, date)));

        var assignment = periods.For(VolunteersPersonalData.AssignmentKind);
        plan.Assignments.AddRange((await session.Query<Assignment>().Where(a => a.Status == AssignmentStatus.Ended && a.AnonymisedOn == null).ToListAsync(cancellationToken))
            .Where(a => VolunteersRetention.AssignmentDue(a, assignment, date)));

        var log = periods.For(VolunteersPersonalData.VisitLog);
        var logsBefore = new LocalDate(date.Year, 1, 1);
        plan.Logs.AddRange((await session.Query<ActivityLog>().Where(l => l.Date < logsBefore && l.AnonymisedOn == null).ToListAsync(cancellationToken))
            .Where(l => VolunteersRetention.VisitLogDue(l, log, date)));

        var audit = periods.For(VolunteersPersonalData.ReadAudit);
        var auditBefore = Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0);
        plan.ReadAudits.AddRange((await session.Query<VolunteerReadAudit>().Where(a => a.At < auditBefore).ToListAsync(cancellationToken))
            .Where(a => VolunteersRetention.ReadAuditDue(a, audit, date)));
        return plan;
    }
}
