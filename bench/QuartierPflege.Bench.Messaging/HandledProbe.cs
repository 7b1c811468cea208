using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Marten.Services;

namespace QuartierPflege.Bench.Messaging.Handling;

/// <summary>
/// Reports a handled event once the handler's transaction has committed (not when the handler body ran), so the
/// figures include the handler's commit.
/// </summary>
internal sealed class HandledProbe(Guid assignmentId) : DocumentSessionListenerBase
{
    private static int _handled;

    /// <summary>Latency probes: handled-at timestamps, keyed by assignment id.</summary>
    public static ConcurrentDictionary<Guid, TaskCompletionSource<long>> Waiting { get; } = new();

    public static int Handled => Volatile.Read(ref _handled);

    public static void Reset() => Interlocked.Exchange(ref _handled, 0);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _handled);
        if (Waiting.TryGetValue(assignmentId, out var waiter))
        {
            waiter.TrySetResult(now);
        }

        return Task.CompletedTask;
    }
}
