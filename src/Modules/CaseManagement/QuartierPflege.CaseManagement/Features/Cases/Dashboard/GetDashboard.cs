using FluentValidation;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
using QuartierPflege.CaseManagement.Features.Residents.Residents;
using QuartierPflege.CaseManagement.Persistence;

namespace QuartierPflege.CaseManagement.Features.Cases.Dashboard;

/// <summary>
/// The dashboard's filters: all optional. Without <paramref name="Status"/> it shows the cases that are not closed.
/// <paramref name="Search"/> is part of the resident's name, case-insensitive. <paramref name="Problem"/> keeps the cases
/// with a problem situation of that kind that has no outcome yet.
/// </summary>
internal sealed record DashboardQuery(
    string? Quartier = null,
    CaseStatus? Status = null,
    string? Search = null,
    int? Page = null,
    ProblemKind? Problem = null);

internal sealed class DashboardQueryValidator : AbstractValidator<DashboardQuery>
{
    public DashboardQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Die Seite muss 1 oder größer sein.");
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("Der Suchbegriff darf höchstens 100 Zeichen lang sein.");
        RuleFor(q => q.Quartier).MaximumLength(100).WithMessage("Das Quartier darf höchstens 100 Zeichen lang sein.");
    }
}

internal sealed record DashboardCase(
    Guid Id,
    string Number,
    Guid ResidentId,
    string ResidentName,
    string Quartier,
    CaseStatus Status,
    string CaseManagerName,
    string? DeputyName,
    bool IAmDeputy,
    LocalDate LastContactOn,
    int DaysWithoutContact,
    bool NoContactAlert,
    LocalDate? NextFollowUpOn);

internal sealed record NoContactCases(IReadOnlyList<DashboardCase> Cases, int Total, bool TotalCapped);

internal sealed record Dashboard(
    LocalDate Today,
    int NoContactDays,
    DashboardQuery Filter,
    IReadOnlyList<DashboardCase> Cases,
    int TotalCases,
    bool TotalCasesCapped,
    int Page,
    int PageCount,
    int PageSize,
    OverdueItems Overdue,
    NoContactCases NoContact,
    IReadOnlyList<string> Quartiere);

/// <summary>
/// A case manager's start page: my open cases (as case manager or deputy; coordination sees all), what is overdue, and
/// which cases have had no contact for too long. Quartier and status narrow every part of it; the name search narrows
/// the case list only (it finds a case, the other parts are the day's work). Not audited per view: it shows names and
/// status only; opening a case is audited.
/// </summary>
internal sealed class GetDashboard(
    IQuerySession session,
    NpgsqlDataSource dataSource,
    CaseAccess access,
    ICurrentUser user,
    IClock clock,
    IOptions<CaseWorkOptions> options,
    IEnumerable<IOverdueItemsSource> overdueSources,
    IValidator<DashboardQuery> validator)
{
    /// <summary>
    /// Cases, overdue items and silent cases are counted up to this many ("mehr als 500"); the case list pages through
    /// the first ones only. Coordination's view spans the programme: an exact count of tens of thousands, read on every
    /// visit, costs the time of the whole page and helps nobody (filters narrow it).
    /// </summary>
    public const int CountCap = 500;

    /// <summary>
    /// Coordination's overdue items and silent cases are counted up to this many ("mehr als 100"): over the whole
    /// programme each counted item costs a look-up of its case, and beyond a hundred the figure changes no decision.
    /// </summary>
    public const int ProgrammeCountCap = 100;

    private const int ListLimit = 10;

    public async Task<Outcome<Dashboard>> HandleAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome<Dashboard>.Invalid(validation);
        }

        var today = clock.Today();
        var settings = options.Value;
        var scope = await ScopeAsync(query, cancellationToken);
        var cutoff = CaseWork.NoContactCutoff(today, settings.NoContactDays);
        var (lists, resolved) = scope.VisibleTo is { } person
            ? await CaseManagerListsAsync(person, scope, query, cutoff, cancellationToken)
            : (await ProgrammeListsAsync(scope, query, cutoff, cancellationToken), scope);

        var rows = await RowsAsync(lists.Shown, today, settings.NoContactDays, cancellationToken);
        var silentRows = await RowsAsync(lists.SilentShown, today, settings.NoContactDays, cancellationToken);
        var overdue = await OverdueAsync(resolved, today, lists.CountCap, cancellationToken);
        var quartiere = scope.VisibleTo is { } me ? await VisibleCaseRows.QuartiereAsync(session, me, cancellationToken) : await QuartiereAsync(cancellationToken);

        return Outcome<Dashboard>.Done(new Dashboard(today, settings.NoContactDays, query with { Page = lists.Page }, rows,
            Math.Min(lists.Total, CountCap), lists.Total > CountCap, lists.Page, lists.PageCount, settings.DashboardPageSize, overdue,
            new NoContactCases(silentRows, Math.Min(lists.SilentTotal, lists.CountCap), lists.SilentTotal > lists.CountCap), quartiere));
    }

    /// <summary>The case list's page and the silent cases; totals are counted up to one over <see cref="CountCap"/>.</summary>
    private sealed record CaseLists(int Total, int Page, int PageCount, IReadOnlyList<Case> Shown, int SilentTotal, IReadOnlyList<Case> SilentShown, int CountCap);

    /// <summary>Coordination's view over the whole programme: counted with caps, paged and read through the partial indexes.</summary>
    private async Task<CaseLists> ProgrammeListsAsync(CaseScope scope, DashboardQuery query, LocalDate cutoff, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.DashboardPageSize;
        var cases = Searched(scope.Apply(session.Query<Case>()), query.Search);
        // Up to one over the cap with their sort keys: when they are all, the page is cut from them here, so a rare name
        // is not looked for along the whole last-contact index; when there are more, that index finds a page at once.
        var keys = await VisibleCaseRows.ProgrammeKeysAsync(dataSource, scope, [.. ResidentSearch.Words(query.Search)], CountCap + 1, cancellationToken);
        var total = keys.Count;
        var (page, pageCount) = Paging(query.Page, Math.Min(total, CountCap), pageSize);
        IReadOnlyList<Case> shown;
        if (total <= CountCap)
        {
            shown = await LoadInOrderAsync([.. keys.OrderBy(k => k.LastContactOn).ThenBy(k => k.Number, StringComparer.Ordinal)
                .Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.Id)], cancellationToken);
        }
        else
        {
            shown = await cases.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        }

        var (silentTotal, silentShown) = await SilentProgrammeCases.FindAsync(session, scope, cutoff, ListLimit, ProgrammeCountCap, cancellationToken);
        return new CaseLists(total, page, pageCount, shown, silentTotal, silentShown, ProgrammeCountCap);
    }

    /// <summary>
    /// A case manager's view: their cases are read once as ids with sort keys (<see cref="VisibleCaseRows"/>), counted,
    /// ordered and paged here; only the shown cases are loaded. The resolved scope lets the overdue sources look up by id.
    /// </summary>
    private async Task<(CaseLists Lists, CaseScope Resolved)> CaseManagerListsAsync(
        Guid person, CaseScope scope, DashboardQuery query, LocalDate cutoff, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.DashboardPageSize;
        var visible = await VisibleCaseRows.ReadAsync(dataSource, person, scope, cancellationToken);
        var words = ResidentSearch.Words(query.Search).ToList();
        var listed = visible;
        if (words.Count > 0)
        {
            var found = visible.Count == 0 ? new HashSet<Guid>()
                : await VisibleCaseRows.SearchedAsync(session, [.. visible.Select(v => v.Id)], words, cancellationToken);
            listed = [.. visible.Where(v => found.Contains(v.Id))];
        }

        var ordered = listed.OrderBy(v => v.LastContactOn).ThenBy(v => v.Number, StringComparer.Ordinal).ToList();
        var (page, pageCount) = Paging(query.Page, Math.Min(ordered.Count, CountCap), pageSize);
        var silent = scope.Status == CaseStatus.Closed
            ? []
            : visible.Where(v => v.LastContactOn <= cutoff).OrderBy(v => v.LastContactOn).ThenBy(v => v.Number, StringComparer.Ordinal).ToList();
        var shown = await LoadInOrderAsync([.. ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(v => v.Id)], cancellationToken);
        var silentShown = await LoadInOrderAsync([.. silent.Take(ListLimit).Select(v => v.Id)], cancellationToken);
        return (new CaseLists(ordered.Count, page, pageCount, shown, silent.Count, silentShown, CountCap),
            scope with { ResolvedCases = [.. visible.Select(v => v.Id)] });
    }

    private static (int Page, int PageCount) Paging(int? requested, int total, int pageSize)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return (Math.Min(requested ?? 1, pageCount), pageCount);
    }

    private async Task<IReadOnlyList<Case>> LoadInOrderAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var loaded = (await session.LoadManyAsync<Case>(cancellationToken, ids)).ToDictionary(c => c.Id);
        return [.. ids.Where(loaded.ContainsKey).Select(id => loaded[id])];
    }

    private async Task<CaseScope> ScopeAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var quartier = string.IsNullOrWhiteSpace(query.Quartier) ? null : query.Quartier.Trim();
        IReadOnlyCollection<Guid>? onlyCases = null;
        if (query.Problem is { } problem)
        {
            // The plan's problem situations are their own documents: the cases with an open one of the kind, read first.
            onlyCases = [.. (await session.Query<ProblemSituation>().Where(p => p.Kind == problem && p.Outcome == null)
                .Select(p => p.CaseId).ToListAsync(cancellationToken)).Distinct()];
        }

        return new CaseScope(access.VisibleTo, query.Status, quartier, onlyCases);
    }

    private static IQueryable<Case> Searched(IQueryable<Case> cases, string? search)
    {
        // Every word as a part of the resident's name or a near spelling of one of its words, as in the resident list
        // (the name is duplicated on the case with a trigram index).
        foreach (var word in ResidentSearch.Words(search))
        {
            var (sql, parameters) = ResidentSearch.WordCondition("d.resident_search_name", word);
            cases = cases.Where(c => c.MatchesSql(sql, parameters));
        }

        return cases;
    }

    /// <summary>
    /// The Quartiere to filter by. Coordination's list spans all open cases: read as a skip scan over the partial
    /// (quartier, last_contact_on) index, one probe per Quartier, instead of a DISTINCT over every open case.
    /// </summary>
    private async Task<List<string>> QuartiereAsync(CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Koordination))
        {
            return [.. (await access.VisibleCases().Where(c => c.Status != CaseStatus.Closed).Select(c => c.Quartier).ToListAsync(cancellationToken))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        return [.. await session.AdvancedSql.QueryAsync<string>($"""
            WITH RECURSIVE q AS (
                (SELECT quartier FROM {CaseManagementDocuments.Cases} WHERE status <> 'Closed' ORDER BY quartier LIMIT 1)
                UNION ALL
                SELECT (SELECT c.quartier FROM {CaseManagementDocuments.Cases} c
                        WHERE c.status <> 'Closed' AND c.quartier > q.quartier ORDER BY c.quartier LIMIT 1)
                FROM q WHERE q.quartier IS NOT NULL)
            SELECT quartier FROM q WHERE quartier IS NOT NULL
            """, cancellationToken)];
    }

    private async Task<IReadOnlyList<DashboardCase>> RowsAsync(IReadOnlyList<Case> page, LocalDate today, int noContactDays, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return [];
        }

        var ids = page.Select(c => c.Id).ToArray();
        var nextFollowUps = (await session.Query<FollowUp>()
                .Where(f => f.CaseId.IsOneOf(ids) && f.DoneAt == null)
                .ToListAsync(cancellationToken))
            .GroupBy(f => f.CaseId)
            .ToDictionary(g => g.Key, g => g.Min(f => f.DueOn));
        return [.. page.Select(c =>
        {
            var days = c.DaysWithoutContact(today);
            return new DashboardCase(c.Id, c.Number, c.ResidentId, c.ResidentName, c.Quartier, c.Status, c.CaseManagerName,
                c.DeputyName, c.DeputyId == user.Id, c.LastContactOn, days, c.Status != CaseStatus.Closed && days >= noContactDays,
                nextFollowUps.TryGetValue(c.Id, out var next) ? next : null);
        })];
    }

    private async Task<OverdueItems> OverdueAsync(CaseScope scope, LocalDate today, int countCap, CancellationToken cancellationToken)
    {
        var items = new List<OverdueItem>();
        var total = 0;
        var capped = false;
        foreach (var source in overdueSources)
        {
            var found = await source.FindAsync(scope, today, ListLimit, countCap, cancellationToken);
            items.AddRange(found.Items);
            total += found.Total;
            capped |= found.TotalCapped;
        }

        return new OverdueItems([.. items.OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).Take(ListLimit)], total, capped);
    }
}
