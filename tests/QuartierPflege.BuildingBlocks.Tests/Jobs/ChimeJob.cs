using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Tests.OldRelayProbe;
using QuartierPflege.BuildingBlocks.Time;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

// A scheduled command that exists only in these tests, sent into the probe module's outbox: its handler records each
// delivery with the Berlin day the command was built for, so a test can count how often the job ran.

internal sealed record ProbeChime(Guid MessageId, Instant OccurredAt, LocalDate Day) : IIntegrationMessage
{
    public static string MessageName => "probe.chime.v1";
}

internal sealed class ChimeProbeHandler(ProbeDbContext db) : IMessageHandler<ProbeChime>
{
    public Task HandleAsync(ProbeChime message, CancellationToken cancellationToken)
    {
        db.Sightings.Add(new ProbeSighting { MessageId = message.MessageId, Handler = nameof(ChimeProbeHandler), Label = ChimeJob.LabelFor(message.Day) });
        return Task.CompletedTask;
    }
}

internal static class ChimeJob
{
    public const string Key = "probe.chime";

    public const string Description = "Probe läuten";

    /// <summary>Never due while tests run (the year 2099), so only the tests' own triggers fire it.</summary>
    public const string Cron = "0 0 7 1 1 ? 2099";

    /// <summary>Adds the chime job to a Host that already has the probe module.</summary>
    public static void AddChimeJob(this IServiceCollection services)
    {
        services.AddMessageHandler<ProbeChime, ChimeProbeHandler, ProbeDbContext>();
        services.AddScheduledCommand<ProbeDbContext, ProbeChime>(Key, Cron, Description, clock => new ProbeChime(Guid.NewGuid(), default, clock.Today()));
    }

    /// <summary>Switches the scheduler on, with a quick cluster check-in and idle wait so that tests need not wait long.</summary>
    public static void EnableScheduler(IDictionary<string, string?> settings)
    {
        settings["Jobs:SchedulerEnabled"] = "true";
        settings["Jobs:ClusterCheckinInterval"] = "00:00:01";
        settings["Jobs:IdleWaitTime"] = "00:00:01";
    }

    public static string LabelFor(LocalDate day) => $"chime {day:uuuu-MM-dd}";

    public static Task<int> ChimesHandledAsync(this QpApp app, LocalDate? day = null)
        => app.ProbeAsync(db => db.Sightings.CountAsync(s => s.Handler == nameof(ChimeProbeHandler) && (day == null || s.Label == LabelFor(day.Value))));

    public static Task<int> ChimesSentAsync(this QpApp app)
        => app.ProbeAsync(db => db.Outbox.CountAsync(o => o.Name == ProbeChime.MessageName));

    /// <summary>Counts rows in Quartz's tables (e.g. triggers still waiting, firings still in progress).</summary>
    public static async Task<long> CountInQuartzAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether Quartz has finished with the chime job: no firing in progress and no one-shot trigger left.</summary>
    public static async Task<bool> ChimeIsSettledAsync(string connectionString)
        => await CountInQuartzAsync(connectionString, $"SELECT count(*) FROM quartz.qrtz_fired_triggers WHERE job_name = '{Key}'") == 0
           && await CountInQuartzAsync(connectionString, $"SELECT count(*) FROM quartz.qrtz_triggers WHERE job_name = '{Key}' AND trigger_type <> 'CRON'") == 0;
}

/// <summary>A Host with the probe module, the chime job and the scheduler switched on, on a fresh database.</summary>
public sealed class SchedulerApp : ProbeApp
{
    public SchedulerApp() => ChimeJob.EnableScheduler(Settings);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddChimeJob();
    }
}
