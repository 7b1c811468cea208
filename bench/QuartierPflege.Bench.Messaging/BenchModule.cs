using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.Bench.Messaging;

// The benchmark's own module: one message, one handler that writes one row.

internal sealed record BenchMessage(Guid MessageId, Instant OccurredAt, int Number, string Text) : IIntegrationMessage
{
    public static string MessageName => "bench.measured.v1";
}

internal sealed class BenchRow
{
    public long Id { get; private set; }

    public Guid MessageId { get; init; }

    public int Number { get; init; }

    public required string Text { get; init; }
}

internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options, IClock clock) : ModuleDbContext(options, clock)
{
    public const string SchemaName = "bench";

    public override string Schema => SchemaName;

    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
        => modelBuilder.Entity<BenchRow>().Property(r => r.Id).UseIdentityAlwaysColumn();
}

internal sealed class BenchHandler(BenchDbContext db) : IMessageHandler<BenchMessage>
{
    /// <summary>Delivery times of the latency probe, keyed by message id.</summary>
    public static ConcurrentDictionary<Guid, TaskCompletionSource<long>> Waiting { get; } = new();

    public Task HandleAsync(BenchMessage message, CancellationToken cancellationToken)
    {
        db.Rows.Add(new BenchRow { MessageId = message.MessageId, Number = message.Number, Text = message.Text });
        if (Waiting.TryGetValue(message.MessageId, out var waiter))
        {
            waiter.TrySetResult(Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }
}
