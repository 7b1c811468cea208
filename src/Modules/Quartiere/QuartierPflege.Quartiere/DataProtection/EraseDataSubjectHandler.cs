using NodaTime;
using QuartierPflege.DataProtection.Contracts;

namespace QuartierPflege.Quartiere.DataProtection;

/// <summary>Every module confirms an erasure: Quartiere holds nothing about people and confirms with no lines.</summary>
public static class QuartiereEraseDataSubjectHandler
{
    public static DataSubjectErased Handle(EraseDataSubject command, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(clock);
        return new DataSubjectErased(Guid.NewGuid(), clock.GetCurrentInstant(), command.RequestId, QuartierePersonalData.ModuleName, []);
    }
}
