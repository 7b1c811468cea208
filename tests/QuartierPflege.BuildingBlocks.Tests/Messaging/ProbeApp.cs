using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;
using Wolverine;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>
/// The real Host with the probe module (tests/QuartierPflege.MessagingProbe) added, on a fresh database. Its documents
/// live in schema <c>messaging_probe</c>, created at first use (tests create schema at startup).
/// </summary>
public class ProbeApp : QpApp
{
    public ProbeApp()
        : this(null)
    {
    }

    protected ProbeApp(string? connectionString)
        : base(connectionString)
    {
        // A replayed dead letter is moved back into its queue on the durability agent's next poll.
        Settings["Messaging:ScheduledJobPollingTime"] = "00:00:00.250";
    }

    public ProbeFault Fault { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddMessagingProbe(Fault);
    }
}

internal static class ProbeAppExtensions
{
    public static Task PublishHappenedAsync(this QpApp app, params string[] labels)
        => app.InScopeAsync(sp => ProbeModule.PublishHappenedAsync(sp, labels));

    public static Task PublishPoisonedAsync(this QpApp app, Guid messageId, string label)
        => app.InScopeAsync(sp => ProbeModule.PublishAsync(sp, l => new ProbePoisoned(messageId, app.Clock.GetCurrentInstant(), l), label));

    public static Task<(int Deliveries, int DistinctMessages)> SightingsAsync(this QpApp app, string handler, string labelPrefix)
        => app.InScopeAsync(sp => ProbeModule.SightingsAsync(sp.GetRequiredService<IQuerySession>(), handler, labelPrefix));

    public static async Task<int> DeliveriesAsync(this QpApp app, string handler, string labelPrefix)
        => (await app.SightingsAsync(handler, labelPrefix)).Deliveries;

    /// <summary>Wolverine's stored envelopes of a message type in one state (Incoming, Scheduled, Handled), all queues.</summary>
    public static async Task<long> StoredEnvelopesAsync(this QpApp app, string messageType, string? status = null)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE message_type = $1 AND ($2::text IS NULL OR status = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = messageType });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
