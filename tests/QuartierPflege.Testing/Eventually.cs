using System.Diagnostics;
using Xunit.Sdk;

namespace QuartierPflege.Testing;

/// <summary>
/// Waiting for a condition that other processes or background agents bring about (a second Host, a replay picked up by
/// Wolverine's durability agent), where no tracked session can see the work: look again until it holds, or fail after
/// the timeout with what was seen last.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits until <paramref name="condition"/> holds (a file, a server's mailbox); fails naming <paramref name="what"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
        => UntilAsync(condition, holds => holds, what, timeout);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> look, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(holds);
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var seen = await look();
            if (holds(seen))
            {
                return seen;
            }

            if (watch.Elapsed > limit)
            {
                throw new XunitException($"Gave up waiting after {limit.TotalSeconds:0} s for {what}; last seen: {seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
