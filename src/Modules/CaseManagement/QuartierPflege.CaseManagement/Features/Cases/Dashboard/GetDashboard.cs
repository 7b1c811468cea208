using FluentValidation;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.Options;
using NodaTime;
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
    CaseAccess access,
    ICurrentUser user,
    IClock clock,
    IOptions<CaseWorkOptions> options,
    IEnumerable<IOverdueItemsSource> overdueSources,
    IValidator<DashboardQuery> validator)
{
    /// <summary>Overdue items and silent cases are counted up to this many ("mehr als 500").</summary>
    public const int CountCap = 500;

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
        var narrowed = scope.Apply(session.Query<Case>());
        var cases = Searched(narrowed, query.Search);

        var total = await cases.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + settings.DashboardPageSize - 1) / settings.DashboardPageSize);
        var page = Math.Min(query.Page ?? 1, pageCount);
        var shown = total == 0
            ? []
            : await cases.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number)
                .Skip((page - 1) * settings.DashboardPageSize).Take(settings.DashboardPageSize).ToListAsync(cancellationToken);
        var rows = await RowsAsync(shown, today, settings.NoContactDays, cancellationToken);

        var cutoff = CaseWork.NoContactCutoff(today, settings.NoContactDays);
        var silent = scope.Apply(session.Query<Case>()).Where(c => c.Status != CaseStatus.Closed && c.LastContactOn <= cutoff);
        // Counting stops at the cap: ids of at most CountCap + 1 cases, read from the partial index.
        var silentTotal = (await silent.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Take(CountCap + 1)
            .Select(c => c.Id).ToListAsync(cancellationToken)).Count;
        var silentRows = silentTotal == 0
            ? []
            : await RowsAsync(await silent.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Take(ListLimit).ToListAsync(cancellationToken),
                today, settings.NoContactDays, cancellationToken);

        var overdue = await OverdueAsync(scope, today, cancellationToken);
        var quartiere = await QuartiereAsync(cancellationToken);

        return Outcome<Dashboard>.Done(new Dashboard(today, settings.NoContactDays, query with { Page = page }, rows, total, page, pageCount,
            settings.DashboardPageSize, overdue, new NoContactCases(silentRows, Math.Min(silentTotal, CountCap), silentTotal > CountCap), quartiere));
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
            var pattern = "%" + ResidentSearch.EscapeLike(word) + "%";
            cases = cases.Where(c => c.MatchesSql(ResidentSearch.WordMatches("d.resident_search_name"), pattern, word));
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

    private async Task<OverdueItems> OverdueAsync(CaseScope scope, LocalDate today, CancellationToken cancellationToken)
    {
        var items = new List<OverdueItem>();
        var total = 0;
        var capped = false;
        foreach (var source in overdueSources)
        {
            var found = await source.FindAsync(scope, today, ListLimit, CountCap, cancellationToken);
            items.AddRange(found.Items);
            total += found.Total;
            capped |= found.TotalCapped;
        }

        return new OverdueItems([.. items.OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber, StringComparer.Ordinal).Take(ListLimit)], total, capped);
    }
}
