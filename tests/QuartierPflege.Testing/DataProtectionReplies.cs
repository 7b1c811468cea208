using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.DataProtection.Contracts;
using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Testing;

/// <summary>
/// What the modules' data-protection tests need alike. Every module answers every sweep and erasure command, and a
/// tracked session can see one answer more than once (sent and received), so a test picks one module's answers by
/// its name and each answer once.
/// </summary>
public static class DataProtectionReplies
{
    public static IReadOnlyList<RetentionSwept> SweptBy(this ITrackedSession tracked, string module)
        => AnswersOf<RetentionSwept>(tracked, m => m.Module == module);

    public static IReadOnlyList<DataSubjectErased> ErasedBy(this ITrackedSession tracked, string module)
        => AnswersOf<DataSubjectErased>(tracked, m => m.Module == module);

    /// <summary>Every record kind of every module at its default period, as the weekly sweep sends them without settings.</summary>
    public static RetentionPeriods DefaultRetentionPeriods(this QpApp app)
        => new([.. app.Services.GetServices<IPersonalDataRegister>().SelectMany(r => r.Kinds)
            .Select(k => new RetentionSetting(k.Key, k.Retention.Default))]);

    /// <summary>
    /// Sweeps published at the same moment, one per id (a duplicate delivery, or what a second Host would send), tracked
    /// until every module has answered each.
    /// </summary>
    public static Task<ITrackedSession> SweepAtOnceAsync(this QpApp app, LocalDate date, RetentionPeriods periods, params Guid[] sweepIds)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.TrackAsync(async () =>
        {
            var bus = app.Services.GetRequiredService<IMessageBus>();
            await Task.WhenAll(sweepIds.Select(id => bus.PublishAsync(new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), id, date, periods)).AsTask()));
        });
    }

    public static IPersonalDataHolder HolderOf(this IServiceProvider services, string module)
        => services.GetServices<IPersonalDataHolder>().Single(h => h.Module == module);

    private static List<T> AnswersOf<T>(ITrackedSession tracked, Func<T, bool> which)
        where T : IIntegrationMessage
        => [.. tracked.AllRecordsInOrder().Select(r => r.Envelope?.Message).OfType<T>().Where(which).DistinctBy(m => m.MessageId)];
}
