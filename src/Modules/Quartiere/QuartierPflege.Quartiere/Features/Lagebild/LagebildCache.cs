using NodaTime;

namespace QuartierPflege.Quartiere.Features.Lagebild;

/// <summary>
/// The Lagebild of the current clock minute, built once for everybody who opens it in that minute (see
/// docs/decisions.md, "Lagebild: a reading per minute"): reading every case of the programme takes longer than a page
/// may, and the overview does not need to show a change of the last minute. Only a finished reading is kept; a failed
/// or cancelled one is built again by the next request.
/// </summary>
internal sealed class LagebildCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Reading? _current;

    public static long MinuteOf(Instant instant) => instant.ToUnixTimeSeconds() / 60;

    public async Task<LagebildData> GetOrBuildAsync(long minute, Func<CancellationToken, Task<LagebildData>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (Volatile.Read(ref _current) is { } hit && hit.Minute == minute)
        {
            return hit.Data;
        }

        // One reading at a time: those who arrive while it is built wait for it instead of reading everything again.
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

    private sealed record Reading(long Minute, LagebildData Data);
}
