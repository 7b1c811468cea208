using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;

namespace QuartierPflege.DataProtection.Contracts;

/// <summary>The period in force for one record kind (the declaration's default or coordination's setting).</summary>
public sealed record RetentionSetting(string KindKey, RetentionDuration Duration);

/// <summary>The periods in force for every declared record kind at the time of a sweep or forecast.</summary>
public sealed record RetentionPeriods(IReadOnlyList<RetentionSetting> Settings)
{
    /// <summary>The period of a declared kind; a kind missing here is a programming error, not a reason to keep data forever.</summary>
    public RetentionDuration For(string kindKey)
        => Settings.FirstOrDefault(s => s.KindKey == kindKey)?.Duration
           ?? throw new KeyNotFoundException($"No retention period for record kind '{kindKey}'.");
}

/// <summary>What a module did (or, in a forecast, would do) to one record kind.</summary>
public sealed record RetentionCount(string KindKey, int Anonymised, int Deleted);

/// <summary>
/// Command (weekly job, and "Jetzt ausführen"): every module anonymises or deletes what is due on <paramref name="Date"/>
/// under <paramref name="Periods"/>, then answers with <see cref="RetentionSwept"/>. Idempotent: a record already
/// anonymised or deleted is not counted again, so a second sweep (or a second Host) reports zero for it.
/// </summary>
public sealed record RetentionSweep(Guid MessageId, Instant OccurredAt, Guid SweepId, LocalDate Date, RetentionPeriods Periods) : IIntegrationMessage
{
    public static string MessageName => "data-protection.retention-sweep.v1";
}

/// <summary>A module's report for one sweep (<paramref name="Module"/> as in <see cref="IPersonalDataRegister.Module"/>).</summary>
public sealed record RetentionSwept(Guid MessageId, Instant OccurredAt, Guid SweepId, string Module, IReadOnlyList<RetentionCount> Counts) : IIntegrationMessage
{
    public static string MessageName => "data-protection.retention-swept.v1";
}
