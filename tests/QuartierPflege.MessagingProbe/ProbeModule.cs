using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using Wolverine;
using Wolverine.Marten;

namespace QuartierPflege.MessagingProbe;

// A module that exists only for the messaging tests: state to change, messages to publish, and handlers that record
// every delivery as a document, so the guarantees can be observed from outside through the database.

public sealed record ProbeHappened(Guid MessageId, Instant OccurredAt, string Label) : IIntegrationMessage
{
    public static string MessageName => "probe.happened.v1";
}

public sealed record ProbeFollowedUp(Guid MessageId, Instant OccurredAt, string Label) : IIntegrationMessage
{
    public static string MessageName => "probe.followed-up.v1";
}

public sealed record ProbePoisoned(Guid MessageId, Instant OccurredAt, string Label) : IIntegrationMessage
{
    public static string MessageName => "probe.poisoned.v1";
}

/// <summary>The state change that publishes: its id is the label, so storing the same label twice fails the commit.</summary>
public sealed class ProbeRecord
{
    public string Id { get; set; } = string.Empty;

    public Instant CreatedAt { get; set; }
}

/// <summary>One delivery of one message to one handler (a fresh id each time, so a second delivery shows as a second row).</summary>
public sealed class ProbeSighting
{
    public Guid Id { get; set; }

    public string Handler { get; set; } = string.Empty;

    public Guid MessageId { get; set; }

    public string Label { get; set; } = string.Empty;
}

/// <summary>Whether the poisoned handler fails: tests "fix the fault" by switching it off.</summary>
public sealed class ProbeFault
{
    private volatile bool _broken = true;

    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }
}

public static class FirstProbeHandler
{
    /// <summary>Records the delivery; a label starting with <c>cascade</c> sets off a follow-up message.</summary>
    public static ProbeFollowedUp? Handle(ProbeHappened message, IDocumentSession session)
    {
        session.Store(ProbeModule.Sighting(nameof(FirstProbeHandler), message.MessageId, message.Label));
        return message.Label.StartsWith("cascade", StringComparison.Ordinal)
            ? new ProbeFollowedUp(Guid.NewGuid(), message.OccurredAt, message.Label + "/followed-up")
            : null;
    }
}

public static class SecondProbeHandler
{
    /// <summary>Records the delivery; a label starting with <c>kaputt</c> always fails here (and only here).</summary>
    public static void Handle(ProbeHappened message, IDocumentSession session)
    {
        session.Store(ProbeModule.Sighting(nameof(SecondProbeHandler), message.MessageId, message.Label));
        if (message.Label.StartsWith("kaputt", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Der zweite Empfänger scheitert an {message.Label} (Testfehler).");
        }
    }
}

public static class FollowUpProbeHandler
{
    public static void Handle(ProbeFollowedUp message, IDocumentSession session)
        => session.Store(ProbeModule.Sighting(nameof(FollowUpProbeHandler), message.MessageId, message.Label));
}

public static class PoisonedProbeHandler
{
    /// <summary>Fails until the test fixes the fault.</summary>
    public static void Handle(ProbePoisoned message, IDocumentSession session, ProbeFault fault)
    {
        if (fault.Broken)
        {
            throw new InvalidOperationException("Der Partnerdienst antwortet nicht (Testfehler).");
        }

        session.Store(ProbeModule.Sighting(nameof(PoisonedProbeHandler), message.MessageId, message.Label));
    }
}

public static class PoisonWitnessHandler
{
    /// <summary>A second handler of the poisoned message that always succeeds.</summary>
    public static void Handle(ProbePoisoned message, IDocumentSession session)
        => session.Store(ProbeModule.Sighting(nameof(PoisonWitnessHandler), message.MessageId, message.Label));
}

public static class ProbeModule
{
    public const string Schema = "messaging_probe";

    public static IServiceCollection AddMessagingProbe(this IServiceCollection services, ProbeFault? fault = null)
    {
        services.AddSingleton(fault ?? new ProbeFault { Broken = false });
        services.ConfigureMarten(o =>
        {
            o.Schema.For<ProbeRecord>().DatabaseSchemaName(Schema);
            o.Schema.For<ProbeSighting>().DatabaseSchemaName(Schema).Duplicate(s => s.Handler).Duplicate(s => s.Label);
        });
        services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(ProbeModule).Assembly));
        return services;
    }

    internal static ProbeSighting Sighting(string handler, Guid messageId, string label)
        => new() { Id = Guid.NewGuid(), Handler = handler, MessageId = messageId, Label = label };

    /// <summary>
    /// Stores a record per label and publishes its message in the same transaction, as a module's use case does
    /// (Marten session + Wolverine's Marten outbox, one commit).
    /// </summary>
    public static async Task PublishAsync(IServiceProvider services, Func<string, object> message, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(message);
        var session = services.GetRequiredService<IDocumentSession>();
        var outbox = services.GetRequiredService<IMartenOutbox>();
        var clock = services.GetRequiredService<IClock>();
        foreach (var label in labels)
        {
            session.Insert(new ProbeRecord { Id = label, CreatedAt = clock.GetCurrentInstant() });
            await outbox.PublishAsync(message(label));
        }

        await session.SaveChangesAsync();
    }

    public static Task PublishHappenedAsync(IServiceProvider services, params string[] labels)
        => PublishAsync(services, label => new ProbeHappened(Guid.NewGuid(), services.GetRequiredService<IClock>().GetCurrentInstant(), label), labels);

    /// <summary>How many deliveries each handler saw with labels starting with a prefix, and how many distinct messages.</summary>
    public static async Task<(int Deliveries, int DistinctMessages)> SightingsAsync(IQuerySession session, string handler, string labelPrefix)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = await session.Query<ProbeSighting>()
            .Where(s => s.Handler == handler && s.Label.StartsWith(labelPrefix))
            .Select(s => s.MessageId)
            .ToListAsync();
        return (ids.Count, ids.Distinct().Count());
    }

    public static Task<int> RecordsAsync(IQuerySession session, string labelPrefix)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Query<ProbeRecord>().CountAsync(r => r.Id.StartsWith(labelPrefix));
    }
}
