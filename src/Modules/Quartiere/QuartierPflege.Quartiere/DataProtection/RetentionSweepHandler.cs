using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>The sweep's report waits for every module: Quartiere answers that it had nothing to do.</summary>
public static class QuartiereRetentionSweepHandler
{
    public static RetentionSwept Handle(RetentionSweep command, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        return new RetentionSwept(Guid.NewGuid(), clock.GetCurrentInstant(), command.SweepId, QuartierePersonalData.ModuleName, []);
    }
}
