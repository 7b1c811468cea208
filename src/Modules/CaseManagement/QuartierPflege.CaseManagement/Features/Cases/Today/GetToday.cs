using Marten;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Cases.Dashboard;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Today;

/// <summary>A case without contact for too long, as the "Heute" page lists it.</summary>
internal sealed record SilentCase(Guid Id, string Number, string ResidentName, LocalDate LastContactOn, int DaysWithoutContact);

internal sealed record SilentCases(IReadOnlyList<SilentCase> Cases, int Total, bool TotalCapped);

/// <summary>A concern waiting in the triage queue.</summary>
internal sealed record NewConcern(Guid Id, string? ResidentName, string Description, string ReportedByName, Instant ReportedAt);

internal sealed record NewConcerns(IReadOnlyList<NewConcern> Concerns, int Total, bool TotalCapped);

/// <summary>How many open (not closed) cases a case manager carries.</summary>
internal sealed record Caseload(Guid CaseManagerId, string CaseManagerName, int OpenCases);

/// <summary>
/// The day's work. <paramref name="Due"/>: follow-ups and plan steps due today or earlier and not done.
/// <paramref name="Referrals"/>: for a case manager the referrals of their cases that a partner declined (the next
/// partner is to be chosen) or left unanswered past the date; for coordination every referral waiting for an answer.
/// <paramref name="Caseloads"/> only for coordination (the programme's view).
/// </summary>
internal sealed record TodayView(
    LocalDate Today,
    bool Programme,
    int NoContactDays,
    OverdueItems Due,
    SilentCases NoContact,
    NewConcerns Concerns,
    OverdueItems Referrals,
    IReadOnlyList<Caseload> Caseloads);

/// <summary>
/// The "Heute" start page: what a case manager has to do today, with counts; coordination's version spans the
/// programme. Built from the dashboard's parts (the person's cases read once from the covering indexes, the overdue
/// sources asked for what is due before tomorrow), so it costs about what the dashboard costs. Not audited per view,
/// like the dashboard: names and dates only.
/// </summary>
internal sealed class GetToday(
    IQuerySession session,
    NpgsqlDataSource dataSource,
    CaseAccess access,
    IClock clock,
    IOptions<CaseWorkOptions> options,
    IEnumerable<IOverdueItemsSource> dueSources)
{
    public const int ListLimit = 10;

    private const int ConcernLimit = 5;

    public async Task<TodayView> HandleAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var noContactDays = options.Value.NoContactDays;
        var cutoff = CaseWork.NoContactCutoff(today, noContactDays);
        var scope = new CaseScope(access.VisibleTo, null, null);
        SilentCases silent;
        int countCap;
        if (access.VisibleTo is { } person)
        {
            countCap = GetDashboard.CountCap;
            var visible = await VisibleCaseRows.ReadAsync(dataSource, person, scope, cancellationToken);
            scope = scope with { ResolvedCases = [.. visible.Select(v => v.Id)] };
            var quiet = visible.Where(v => v.LastContactOn <= cutoff).OrderBy(v => v.LastContactOn).ThenBy(v => v.Number, StringComparer.Ordinal).ToList();
            silent = new SilentCases(await SilentRowsAsync([.. quiet.Take(ListLimit).Select(v => v.Id)], today, cancellationToken), quiet.Count, false);
        }
        else
        {
            countCap = GetDashboard.ProgrammeCountCap;
            var (total, shown) = await SilentProgrammeCases.FindAsync(session, scope, cutoff, ListLimit, countCap, cancellationToken);
            silent = new SilentCases(Rows(shown, today), Math.Min(total, countCap), total > countCap);
        }

        // "Due before tomorrow" is what the overdue sources answer when asked for tomorrow: today's items and the older ones.
        var due = new List<OverdueItem>();
        var dueTotal = 0;
        var dueCapped = false;
        foreach (var source in dueSources)
        {
            var found = await source.FindAsync(scope, today.PlusDays(1), ListLimit, countCap, cancellationToken);
            due.AddRange(found.Items);
            dueTotal += found.Total;
            dueCapped |= found.TotalCapped;
        }

        return new TodayView(
            today,
            access.VisibleTo is null,
            noContactDays,
            new OverdueItems([.. due.OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).Take(ListLimit)], dueTotal, dueCapped),
            silent,
            await ConcernsAsync(countCap, cancellationToken),
            await ReferralsAsync(scope, today, countCap, cancellationToken),
            access.VisibleTo is null ? await CaseloadsAsync(cancellationToken) : []);
    }

    private async Task<IReadOnlyList<SilentCase>> SilentRowsAsync(IReadOnlyList<Guid> ids, LocalDate today, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var loaded = (await session.LoadManyAsync<Case>(cancellationToken, ids)).ToDictionary(c => c.Id);
        return Rows([.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])], today);
    }

    private static IReadOnlyList<SilentCase> Rows(IReadOnlyList<Case> cases, LocalDate today)
        => [.. cases.Select(c => new SilentCase(c.Id, c.Number, c.ResidentName, c.LastContactOn, c.DaysWithoutContact(today)))];

    /// <summary>The triage queue is the whole programme's: every case manager may take a concern from it.</summary>
    private async Task<NewConcerns> ConcernsAsync(int countCap, CancellationToken cancellationToken)
    {
        var open = session.Query<Concern>().Where(c => c.Status == ConcernStatus.Open);
        var total = (await open.OrderByDescending(c => c.ReportedAt).Take(countCap + 1).Select(c => c.Id).ToListAsync(cancellationToken)).Count;
        var newest = total == 0 ? [] : await open.OrderByDescending(c => c.ReportedAt).Take(ConcernLimit).ToListAsync(cancellationToken);
        return new NewConcerns(
            [.. newest.Select(c => new NewConcern(c.Id, c.ResidentName, c.Description, c.ReportedByName, c.ReportedAt))],
            Math.Min(total, countCap),
            total > countCap);
    }

    private async Task<OverdueItems> ReferralsAsync(CaseScope scope, LocalDate today, int countCap, CancellationToken cancellationToken)
    {
        const string table = $"{PlanningDocuments.PlanSteps} s";
        const string open = "s.status NOT IN ('Done', 'Cancelled') AND s.referral_id IS NOT NULL";
        const string title = "concat(s.data ->> 'Title', ' – ', s.data -> 'Referral' ->> 'PartnerName')";
        const string respondBy = "coalesce((s.data -> 'Referral' ->> 'RespondBy')::date, ((s.data -> 'Referral' ->> 'SentAt')::timestamptz AT TIME ZONE 'Europe/Berlin')::date)";
        if (scope.VisibleTo is null)
        {
            return await OverdueRows.QueryAsync(session, scope, table, "s", $"{open} AND s.data -> 'Referral' ->> 'Status' = ?", ["Sent"],
                title, respondBy, "Wartet auf Antwort", "Plan", ListLimit, countCap, cancellationToken);
        }

        var declined = await OverdueRows.QueryAsync(session, scope, table, "s", $"{open} AND s.data -> 'Referral' ->> 'Status' = ?", ["Declined"],
            title, "((s.data -> 'Referral' ->> 'AnsweredAt')::timestamptz AT TIME ZONE 'Europe/Berlin')::date", "Abgelehnt – nächsten Partner wählen",
            "Plan", ListLimit, countCap, cancellationToken);
        var unanswered = await OverdueRows.QueryAsync(session, scope, table, "s",
            $"{open} AND s.data -> 'Referral' ->> 'Status' = ? AND (s.data -> 'Referral' ->> 'RespondBy')::date < ?", ["Sent", today],
            title, respondBy, "Antwort überfällig", "Plan", ListLimit, countCap, cancellationToken);
        return new OverdueItems(
            [.. declined.Items.Concat(unanswered.Items).OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).Take(ListLimit)],
            declined.Total + unanswered.Total,
            declined.TotalCapped || unanswered.TotalCapped);
    }

    /// <summary>Open cases per case manager, read from the partial index on case manager (no documents touched for the count).</summary>
    private async Task<IReadOnlyList<Caseload>> CaseloadsAsync(CancellationToken cancellationToken)
    {
        var rows = await session.AdvancedSql.QueryAsync<CaseloadRow>($"""
            WITH counted AS (
                SELECT case_manager_id, count(*) AS open_cases FROM {CaseManagementDocuments.Cases}
                WHERE status <> 'Closed' GROUP BY case_manager_id)
            SELECT jsonb_build_object('CaseManagerId', k.case_manager_id, 'OpenCases', k.open_cases,
                'Name', (SELECT c.data ->> 'CaseManagerName' FROM {CaseManagementDocuments.Cases} c
                         WHERE c.case_manager_id = k.case_manager_id AND c.status <> 'Closed' LIMIT 1))
            FROM counted k
            """, cancellationToken);
        return [.. rows.Select(r => new Caseload(r.CaseManagerId, r.Name ?? "–", r.OpenCases))
            .OrderByDescending(c => c.OpenCases).ThenBy(c => c.CaseManagerName, StringComparer.CurrentCulture)];
    }

    private sealed class CaseloadRow
    {
        public Guid CaseManagerId { get; init; }

        public string? Name { get; init; }

        public int OpenCases { get; init; }
    }
}
