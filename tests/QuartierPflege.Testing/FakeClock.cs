using NodaTime;

namespace QuartierPflege.Testing;

/// <summary>A settable clock: tests say what time it is instead of depending on the wall clock.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private readonly Lock _gate = new();
    private Instant _now = now;

    /// <summary>Monday, 2 March 2026, 09:00 in Berlin: an ordinary working morning.</summary>
    public static Instant DefaultStart { get; } = Instant.FromUtc(2026, 3, 2, 8, 0);

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Set(Instant instant)
    {
        lock (_gate)
        {
            _now = instant;
        }
    }

    public void Advance(Duration duration)
    {
        lock (_gate)
        {
            _now += duration;
        }
    }
}
