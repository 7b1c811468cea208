using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.OldRelayProbe;

// ONLY for the old Quartz job tests (tests/…/Jobs), which still run on the old relay: it goes with them and with
// BuildingBlocks/Messaging when the jobs move to Hangfire. The messaging tests use tests/QuartierPflege.MessagingProbe.
//
// A tiny module that exists only in these tests: it has state to change, messages to publish and handlers that
// record every delivery, so the messaging guarantees can be observed from the outside.

internal sealed record ProbeHappened(Guid MessageId, Instant OccurredAt, string Label) : IIntegrationMessage
{
    public static string MessageName => "probe.happened.v1";
}

internal sealed record ProbeFollowedUp(Guid MessageId, Instant OccurredAt, string Label) : IIntegrationMessage
{
    public static string MessageName => "probe.followed-up.v1";
}

internal sealed record ProbePoisoned(Guid MessageId, Instant OccurredAt) : IIntegrationMessage
{
    public static string MessageName => "probe.poisoned.v1";
}

internal sealed class ProbeRecord
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Label { get; init; }
}

internal sealed class ProbeSighting
{
    public long Id { get; private set; }

    public Guid MessageId { get; init; }

    public required string Handler { get; init; }

    public required string Label { get; init; }
}

internal sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "messaging_probe";

    public override string Schema => SchemaName;

    public DbSet<ProbeRecord> Records => Set<ProbeRecord>();

    public DbSet<ProbeSighting> Sightings => Set<ProbeSighting>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeRecord>().HasIndex(r => r.Label).IsUnique();
        modelBuilder.Entity<ProbeSighting>().Property(s => s.Id).UseIdentityAlwaysColumn();
    }
}

internal sealed class FirstProbeHandler(ProbeDbContext db) : IMessageHandler<ProbeHappened>
{
    public Task HandleAsync(ProbeHappened message, CancellationToken cancellationToken)
    {
        db.Sightings.Add(new ProbeSighting { MessageId = message.MessageId, Handler = nameof(FirstProbeHandler), Label = message.Label });
        if (message.Label.StartsWith("cascade", StringComparison.Ordinal))
        {
            db.Publish(new ProbeFollowedUp(Guid.NewGuid(), default, message.Label + "/followed-up"));
        }

        return Task.CompletedTask;
    }
}

internal sealed class SecondProbeHandler(ProbeDbContext db) : IMessageHandler<ProbeHappened>
{
    public async Task HandleAsync(ProbeHappened message, CancellationToken cancellationToken)
    {
        db.Sightings.Add(new ProbeSighting { MessageId = message.MessageId, Handler = nameof(SecondProbeHandler), Label = message.Label });
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class FollowUpProbeHandler(ProbeDbContext db) : IMessageHandler<ProbeFollowedUp>
{
    public Task HandleAsync(ProbeFollowedUp message, CancellationToken cancellationToken)
    {
        db.Sightings.Add(new ProbeSighting { MessageId = message.MessageId, Handler = nameof(FollowUpProbeHandler), Label = message.Label });
        return Task.CompletedTask;
    }
}

/// <summary>Fails until the test "fixes the fault".</summary>
internal sealed class PoisonProbeHandler(ProbeDbContext db, PoisonSwitch fault) : IMessageHandler<ProbePoisoned>
{
    public Task HandleAsync(ProbePoisoned message, CancellationToken cancellationToken)
    {
        if (fault.Broken)
        {
            throw new InvalidOperationException("Der Partnerdienst antwortet nicht (Testfehler).");
        }

        db.Sightings.Add(new ProbeSighting { MessageId = message.MessageId, Handler = nameof(PoisonProbeHandler), Label = "poison" });
        return Task.CompletedTask;
    }
}

internal sealed class PoisonSwitch
{
    public volatile bool Broken = true;
}

/// <summary>A Host with the probe module added; its schema is created from the model on first use.</summary>
internal static class ProbeHost
{
    public static void AddProbeModule(this IServiceCollection services, PoisonSwitch? fault = null)
    {
        services.AddModuleDbContext<ProbeDbContext>(ProbeDbContext.SchemaName);
        services.AddSingleton(fault ?? new PoisonSwitch());
        services.AddMessageHandler<ProbeHappened, FirstProbeHandler, ProbeDbContext>();
        services.AddMessageHandler<ProbeHappened, SecondProbeHandler, ProbeDbContext>();
        services.AddMessageHandler<ProbeFollowedUp, FollowUpProbeHandler, ProbeDbContext>();
        services.AddMessageHandler<ProbePoisoned, PoisonProbeHandler, ProbeDbContext>();
    }

    /// <summary>Creates the probe schema (tables, outbox trigger) in the given database, once.</summary>
    public static async Task CreateSchemaAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ProbeDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new ProbeDbContext(options, NodaTime.SystemClock.Instance);
        var script = db.Database.GenerateCreateScript();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"CREATE SCHEMA IF NOT EXISTS {ProbeDbContext.SchemaName};\n{script}\n{MessagingModel.NotifyTriggerSql(ProbeDbContext.SchemaName)}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ProbeAsync<T>(this QpApp app, Func<ProbeDbContext, Task<T>> work)
        => await app.InScopeAsync(sp => work(sp.GetRequiredService<ProbeDbContext>()));

    public static async Task PublishAsync(this QpApp app, params string[] labels)
        => await app.ProbeAsync(async db =>
        {
            foreach (var label in labels)
            {
                db.Records.Add(new ProbeRecord { Label = label });
                db.Publish(new ProbeHappened(Guid.NewGuid(), default, label));
            }

            return await db.SaveChangesAsync();
        });

    public static Task<int> SightingsAsync(this QpApp app, string handler, string? label = null)
        => app.ProbeAsync(db => db.Sightings.CountAsync(s => s.Handler == handler && (label == null || s.Label == label)));
}

/// <summary>A QpApp with the probe module on a fresh database.</summary>
public class ProbeApp : QpApp
{
    internal PoisonSwitch Fault { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ProbeHost.CreateSchemaAsync(ConnectionString);
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule(Fault);
}
