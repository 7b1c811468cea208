using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.DataProtection.Contracts;
using static QuartierPflege.CaseManagement.DataProtection.CaseManagementPersonalData;

namespace QuartierPflege.CaseManagement.DataProtection;

/// <summary>
/// The retention rules as plain functions. A resident and everything filed under their cases form one unit: its period
/// starts when the LAST of their cases closed, so nothing of a person goes while another case of theirs is open, held or
/// still inside its period. Each kind then goes once its own period has passed since that day.
/// </summary>
internal static class CaseRetention
{
    /// <summary>A period that started on <paramref name="start"/> has passed on <paramref name="date"/> (due the day after it ends).</summary>
    public static bool HasPassed(LocalDate start, LocalDate date, RetentionDuration period) => start < period.Before(date);

    /// <summary>
    /// The day a resident's unit starts its period: the last closing of their cases; null while any case is open or
    /// under legal hold (then nothing of theirs is due). A resident without any case: the day they were entered.
    /// </summary>
    public static LocalDate? PeriodStart(Resident resident, IReadOnlyCollection<Case> cases)
    {
        if (cases.Count == 0)
        {
            return resident.CreatedAt.InBerlin().Date;
        }

        if (cases.Any(c => !c.IsClosed || c.ClosedOn is null || c.LegalHold is not null))
        {
            return null;
        }

        return cases.Max(c => c.ClosedOn!.Value);
    }

    public static bool IsDue(Resident resident, IReadOnlyCollection<Case> cases, LocalDate date, RetentionDuration period)
        => PeriodStart(resident, cases) is { } start && HasPassed(start, date, period);

    /// <summary>A concern that never became (part of) a case goes 6 months after it was reported; one that did stays with the case.</summary>
    public static bool IsDue(Concern concern, LocalDate date, RetentionDuration period)
        => concern.Status is ConcernStatus.Open or ConcernStatus.Dismissed && HasPassed(concern.ReportedAt.InBerlin().Date, date, period);

    /// <summary>Audit entries before this instant are due (their day in Berlin lies before the period's first day).</summary>
    public static Instant AuditEntriesBefore(LocalDate date, RetentionDuration period) => Berlin.StartOfDay(period.Before(date));
}

/// <summary>What a sweep on one date would change, loaded once and used both by the sweep and by the forecast.</summary>
internal sealed class RetentionPlan
{
    public List<Resident> Residents { get; } = [];

    public List<Case> Cases { get; } = [];

    public List<ProblemSituation> Problems { get; } = [];

    public List<PlanStep> Steps { get; } = [];

    public List<FollowUp> FollowUps { get; } = [];

    public List<JournalNote> JournalNotes { get; } = [];

    public List<HomeVisit> HomeVisits { get; } = [];

    public List<Consent> Consents { get; } = [];

    public List<Concern> Concerns { get; } = [];

    public Instant AuditEntriesBefore { get; set; }

    public int AuditEntries { get; set; }

    public IReadOnlyList<RetentionCount> Counts() =>
    [
        new(ResidentKey, Residents.Count, 0),
        new(CaseFileKey, Cases.Count, FollowUps.Count),
        new(JournalNoteKey, JournalNotes.Count, 0),
        new(HomeVisitKey, HomeVisits.Count, 0),
        new(ConsentKey, Consents.Count, 0),
        new(ConcernKey, 0, Concerns.Count),
        new(AuditEntryKey, 0, AuditEntries),
    ];

    public static async Task<RetentionPlan> LoadAsync(IQuerySession session, LocalDate date, RetentionPeriods periods, CancellationToken cancellationToken)
    {
        var plan = new RetentionPlan();
        var residents = await session.Query<Resident>().ToListAsync(cancellationToken);
        var cases = (await session.Query<Case>().ToListAsync(cancellationToken)).ToLookup(c => c.ResidentId);
        var dueCaseFiles = new List<Guid>();
        var dueJournals = new List<Guid>();
        var dueVisits = new List<Guid>();
        var dueConsents = new List<Guid>();
        foreach (var resident in residents)
        {
            var own = cases[resident.Id].ToList();
            if (CaseRetention.PeriodStart(resident, own) is not { } start)
            {
                continue;
            }

            bool Due(string key) => CaseRetention.HasPassed(start, date, periods.For(key));
            if (Due(ResidentKey) && resident.AnonymisedOn is null)
            {
                plan.Residents.Add(resident);
            }

            var ids = own.Select(c => c.Id).ToList();
            if (Due(CaseFileKey))
            {
                plan.Cases.AddRange(own.Where(c => c.AnonymisedOn is null));
                dueCaseFiles.AddRange(ids);
            }

            if (Due(JournalNoteKey))
            {
                dueJournals.AddRange(ids);
            }

            if (Due(HomeVisitKey))
            {
                dueVisits.AddRange(ids);
            }

            if (Due(ConsentKey))
            {
                dueConsents.Add(resident.Id);
            }
        }

        if (plan.Cases.Count > 0)
        {
            var fresh = plan.Cases.Select(c => c.Id).ToArray();
            plan.Problems.AddRange(await session.Query<ProblemSituation>().Where(p => p.CaseId.IsOneOf(fresh)).ToListAsync(cancellationToken));
            plan.Steps.AddRange(await session.Query<PlanStep>().Where(s => s.CaseId.IsOneOf(fresh)).ToListAsync(cancellationToken));
        }

        if (dueCaseFiles.Count > 0)
        {
            var ofCases = dueCaseFiles.ToArray();
            plan.FollowUps.AddRange(await session.Query<FollowUp>().Where(f => f.CaseId.IsOneOf(ofCases)).ToListAsync(cancellationToken));
        }

        if (dueJournals.Count > 0)
        {
            var ofCases = dueJournals.ToArray();
            plan.JournalNotes.AddRange(await session.Query<JournalNote>().Where(n => n.CaseId.IsOneOf(ofCases) && n.AnonymisedOn == null).ToListAsync(cancellationToken));
        }

        if (dueVisits.Count > 0)
        {
            var ofCases = dueVisits.ToArray();
            plan.HomeVisits.AddRange(await session.Query<HomeVisit>().Where(v => v.CaseId.IsOneOf(ofCases) && v.AnonymisedOn == null).ToListAsync(cancellationToken));
        }

        if (dueConsents.Count > 0)
        {
            var ofResidents = dueConsents.ToArray();
            plan.Consents.AddRange(await session.Query<Consent>().Where(c => c.ResidentId.IsOneOf(ofResidents) && c.AnonymisedOn == null).ToListAsync(cancellationToken));
        }

        var concernPeriod = periods.For(ConcernKey);
        var reportedBefore = Berlin.StartOfDay(concernPeriod.Before(date));
        plan.Concerns.AddRange((await session.Query<Concern>().Where(c => c.ReportedAt < reportedBefore).ToListAsync(cancellationToken))
            .Where(c => CaseRetention.IsDue(c, date, concernPeriod)));
        plan.AuditEntriesBefore = CaseRetention.AuditEntriesBefore(date, periods.For(AuditEntryKey));
        var before = plan.AuditEntriesBefore;
        plan.AuditEntries = await session.Query<AuditEntry>().CountAsync(e => e.At < before, cancellationToken);
        return plan;
    }
}
