using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.BuildingBlocks.Web;
using QuartierPflege.CaseManagement.Access;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Domain.Planning;
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
    CaseManagementDbContext db,
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
        var narrowed = Filtered(query);
        var cases = Searched(narrowed, query.Search);

        var total = await cases.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + settings.DashboardPageSize - 1) / settings.DashboardPageSize);
        var page = Math.Min(query.Page ?? 1, pageCount);
        var rows = await Rows(cases.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number)
            .Skip((page - 1) * settings.DashboardPageSize).Take(settings.DashboardPageSize), today, settings.NoContactDays, cancellationToken);

        var cutoff = CaseWork.NoContactCutoff(today, settings.NoContactDays);
        var silent = narrowed.Where(c => c.Status != CaseStatus.Closed && c.LastContactOn <= cutoff);
        var silentTotal = await silent.Take(CountCap + 1).CountAsync(cancellationToken);
        var silentRows = silentTotal == 0
            ? []
            : await Rows(silent.OrderBy(c => c.LastContactOn).ThenBy(c => c.Number).Take(ListLimit), today, settings.NoContactDays, cancellationToken);

        var overdue = await OverdueAsync(narrowed, today, cancellationToken);
        var quartiere = await QuartiereAsync(cancellationToken);

        return Outcome<Dashboard>.Done(new Dashboard(today, settings.NoContactDays, query with { Page = page }, rows, total, page, pageCount,
            settings.DashboardPageSize, overdue, new NoContactCases(silentRows, Math.Min(silentTotal, CountCap), silentTotal > CountCap), quartiere));
    }

    private IQueryable<Case> Filtered(DashboardQuery query)
    {
        var cases = access.VisibleCases().AsNoTracking();
        cases = query.Status is { } status ? cases.Where(c => c.Status == status) : cases.Where(c => c.Status != CaseStatus.Closed);
        if (!string.IsNullOrWhiteSpace(query.Quartier))
        {
            var quartier = query.Quartier.Trim();
            cases = cases.Where(c => c.Quartier == quartier);
        }

        if (query.Problem is { } problem)
        {
            cases = cases.Where(c => db.Set<ProblemSituation>().Any(p => p.CaseId == c.Id && p.Kind == problem && p.Outcome == null));
        }

        return cases;
    }

    private static IQueryable<Case> Searched(IQueryable<Case> cases, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return cases;
        }

        // LIKE on the lower-case search name uses the trigram index (a substring anywhere in "last first").
        var pattern = "%" + EscapeLike(search.Trim().ToLowerInvariant()) + "%";
        return cases.Where(c => EF.Functions.Like(c.Resident!.SearchName, pattern, "\\"));
    }

    /// <summary>
    /// The Quartiere to filter by. Coordination's list spans all open cases: read as a skip scan over the Quartier index
    /// (one probe per Quartier) instead of a DISTINCT over every open case.
    /// </summary>
    private async Task<List<string>> QuartiereAsync(CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Koordination))
        {
            return await access.VisibleCases().Where(c => c.Status != CaseStatus.Closed)
                .Select(c => c.Quartier).Distinct().OrderBy(q => q).ToListAsync(cancellationToken);
        }

        return await db.Database.SqlQueryRaw<string>($"""
            WITH RECURSIVE q AS (
                (SELECT quartier FROM {CaseManagementDbContext.SchemaName}.cases WHERE status <> 'Closed' ORDER BY quartier LIMIT 1)
                UNION ALL
                SELECT (SELECT c.quartier FROM {CaseManagementDbContext.SchemaName}.cases c
                        WHERE c.status <> 'Closed' AND c.quartier > q.quartier ORDER BY c.quartier LIMIT 1)
                FROM q WHERE q.quartier IS NOT NULL)
            SELECT quartier AS "Value" FROM q WHERE quartier IS NOT NULL
            """).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<DashboardCase>> Rows(IQueryable<Case> page, LocalDate today, int noContactDays, CancellationToken cancellationToken)
    {
        var rows = await page.Select(c => new
        {
            c.Id,
            c.Number,
            c.ResidentId,
            c.Resident!.FirstName,
            c.Resident.LastName,
            c.Quartier,
            c.Status,
            c.CaseManagerName,
            c.DeputyId,
            c.DeputyName,
            c.LastContactOn,
        }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var nextFollowUps = (await db.FollowUps().AsNoTracking()
                .Where(f => ids.Contains(f.CaseId) && f.DoneAt == null)
                .Select(f => new { f.CaseId, f.DueOn })
                .ToListAsync(cancellationToken))
            .GroupBy(f => f.CaseId)
            .ToDictionary(g => g.Key, g => g.Min(f => f.DueOn));
        return [.. rows.Select(r =>
        {
            var days = Period.Between(r.LastContactOn, today, PeriodUnits.Days).Days;
            return new DashboardCase(r.Id, r.Number, r.ResidentId, $"{r.FirstName} {r.LastName}", r.Quartier, r.Status, r.CaseManagerName,
                r.DeputyName, r.DeputyId == user.Id, r.LastContactOn, days, r.Status != CaseStatus.Closed && days >= noContactDays,
                nextFollowUps.TryGetValue(r.Id, out var next) ? next : null);
        })];
    }

    private async Task<OverdueItems> OverdueAsync(IQueryable<Case> cases, LocalDate today, CancellationToken cancellationToken)
    {
        var items = new List<OverdueItem>();
        var total = 0;
        var capped = false;
        foreach (var source in overdueSources)
        {
            var found = await source.FindAsync(cases, today, ListLimit, CountCap, cancellationToken);
            items.AddRange(found.Items);
            total += found.Total;
            capped |= found.TotalCapped;
        }

        return new OverdueItems([.. items.OrderBy(i => i.DueOn).ThenBy(i => i.CaseNumber).Take(ListLimit)], total, capped);
    }

    private static string EscapeLike(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
