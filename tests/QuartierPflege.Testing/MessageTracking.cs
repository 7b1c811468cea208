using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Testing;

/// <summary>
/// Waiting for what a test's action set off, with Wolverine's tracked sessions: the action runs, and the session ends
/// when every message it caused (and the messages those caused) has been handled, or fails after the timeout listing
/// what was still under way.
/// </summary>
public static class MessageTracking
{
    /// <summary>On two cores a cold handler (first call, code generation) can take seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task<ITrackedSession> TrackAsync(this QpApp app, Func<Task> action, TimeSpan? timeout = null)
        => app.Services.TrackActivity(timeout ?? DefaultTimeout).ExecuteAndWaitAsync((IMessageContext _) => action());

    /// <summary>Like <see cref="TrackAsync"/>, for a test that expects handlers to fail (retries, dead letters).</summary>
    public static Task<ITrackedSession> TrackAllowingFailuresAsync(this QpApp app, Func<Task> action, TimeSpan? timeout = null)
        => app.Services.TrackActivity(timeout ?? DefaultTimeout).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((IMessageContext _) => action());

    /// <summary>Sends a command or publishes an event as a module would, and waits for everything it causes.</summary>
    public static Task<ITrackedSession> PublishAndTrackAsync(this QpApp app, object message, TimeSpan? timeout = null)
        => app.Services.TrackActivity(timeout ?? DefaultTimeout).PublishMessageAndWaitAsync(message);
}
