using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Retention;
using Wolverine;

namespace QuartierPflege.DataProtection.Sweep;

internal sealed record SweepCountView(string Module, string KindKey, string KindName, int Anonymised, int Deleted);

internal sealed record SweepRunView(
    Guid Id,
    LocalDate Date,
    Instant StartedAt,
    string StartedBy,
    IReadOnlyList<string> ExpectedModules,
    IReadOnlyList<string> Outstanding,
    IReadOnlyList<SweepCountView> Counts)
{
    public bool Complete => Outstanding.Count == 0;
}

internal sealed record ForecastView(LocalDate Until, IReadOnlyList<SweepCountView> Counts, IReadOnlyList<string> ModulesWithoutForecast);

/// <summary>The runs of the retention sweep, "Jetzt ausführen", and what falls due soon.</summary>
internal sealed class SweepRuns(
    IQuerySession session,
    RetentionSettings settings,
    IEnumerable<IPersonalDataHolder> holders,
    IMessageBus bus,
    ICurrentUser user,
    IClock clock)
{
    public const int ForecastDays = 30;

    public async Task<IReadOnlyList<SweepRunView>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        var names = KindNames();
        return [.. (await session.Query<SweepRun>().OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken))
            .Select(r => View(r, names))];
    }

    public async Task<SweepRunView?> FindAsync(Guid id, CancellationToken cancellationToken)
        => await session.LoadAsync<SweepRun>(id, cancellationToken) is { } run ? View(run, KindNames()) : null;

    /// <summary>Starts a run for today; the run appears once its command is handled (a moment later).</summary>
    public async Task<Guid> StartNowAsync()
    {
        var id = Guid.NewGuid();
        await bus.SendAsync(new StartRetentionSweep(id, clock.GetCurrentInstant(), clock.Today(), user.DisplayName));
        return id;
    }

    /// <summary>What a sweep in <see cref="ForecastDays"/> days would do, by every module that can say.</summary>
    public async Task<ForecastView> ForecastAsync(CancellationToken cancellationToken)
    {
        var until = clock.Today().PlusDays(ForecastDays);
        var periods = await settings.PeriodsAsync(cancellationToken);
        var names = KindNames();
        var counts = new List<SweepCountView>();
        foreach (var holder in holders.OrderBy(h => h.Module, StringComparer.Ordinal))
        {
            counts.AddRange((await holder.DueAsync(until, periods, cancellationToken)).Select(c => Count(holder.Module, c, names)));
        }

        var without = settings.Registers.Select(r => r.Module).Where(m => holders.All(h => h.Module != m)).Distinct().ToList();
        return new ForecastView(until, counts, without);
    }

    private Dictionary<string, string> KindNames()
        => settings.Registers.SelectMany(r => r.Kinds).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First().Name);

    private static SweepCountView Count(string module, RetentionCount c, Dictionary<string, string> names)
        => new(module, c.KindKey, names.GetValueOrDefault(c.KindKey, c.KindKey), c.Anonymised, c.Deleted);

    private static SweepRunView View(SweepRun run, Dictionary<string, string> names)
        => new(run.Id, run.Date, run.StartedAt, run.StartedBy, run.ExpectedModules, run.Outstanding,
            [.. run.Answers.OrderBy(a => a.Module, StringComparer.Ordinal).SelectMany(a => a.Counts.Select(c => Count(a.Module, c, names)))]);
}
