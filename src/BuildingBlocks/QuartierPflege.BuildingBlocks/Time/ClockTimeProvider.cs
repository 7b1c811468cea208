using NodaTime;

namespace QuartierPflege.BuildingBlocks.Time;

/// <summary>
/// Lets framework parts that ask <see cref="TimeProvider"/> (cookie expiry, Identity lockout) see the same clock as
/// the domain, so a test that moves the fake clock moves them too.
/// </summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
