using Microsoft.Extensions.Logging;
using NodaTime;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>
/// The Lagebild as last read, shared by everybody who opens it (see docs/decisions.md, "Lagebild: a reading per
/// minute"): reading every case of the programme takes longer than a page may, and the overview does not need to show a
/// change of the last minute. A reading of the current minute is served as it is. An older one, up to
/// <see cref="ServedStale"/> old, is served at once while one new reading is built behind it, so no visitor waits for
/// the programme to be read; only the first visitor after a start or a longer quiet spell waits. A failed refresh keeps
/// the older reading and is tried again by the next visitor.
/// </summary>
internal sealed partial class LagebildCache(ILogger<LagebildCache> logger) : IDisposable
{
    /// <summary>How old a reading may be and still be shown while a new one is read.</summary>
    public static readonly Duration ServedStale = Duration.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Reading? _current;
    private int _refreshing;

    public async Task<LagebildData> GetOrBuildAsync(Instant now, Func<CancellationToken, Task<LagebildData>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var minute = MinuteOf(now);
        var hit = Volatile.Read(ref _current);
        if (hit is not null && hit.Minute == minute)
        {
            return hit.Data;
        }

        if (hit is not null && now - hit.Data.ReadAt <= ServedStale)
        {
            RefreshBehind(minute, build);
            return hit.Data;
        }

        // Nothing fit to show: one reading at a time, and those who arrive meanwhile wait for it instead of reading
        // everything again.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Minute == minute)
            {
                return built.Data;
            }

            var data = await build(cancellationToken);
            Volatile.Write(ref _current, new Reading(minute, data));
            return data;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static long MinuteOf(Instant instant) => instant.ToUnixTimeSeconds() / 60;

    private void RefreshBehind(long minute, Func<CancellationToken, Task<LagebildData>> build)
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await _gate.WaitAsync();
            try
            {
                if (_current is not { } built || built.Minute != minute)
                {
                    Volatile.Write(ref _current, new Reading(minute, await build(CancellationToken.None)));
                }
            }
#pragma warning disable CA1031 // A refresh nobody waits for must not end the process; the older reading stays shown.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRefreshFailed(logger, e);
            }
            finally
            {
                _gate.Release();
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Das Lagebild konnte nicht neu gelesen werden; die ältere Lesung bleibt sichtbar.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Reading(long Minute, LagebildData Data);
}
