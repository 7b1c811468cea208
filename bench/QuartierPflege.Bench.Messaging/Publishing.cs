using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using Wolverine.Marten;

namespace QuartierPflege.Bench.Messaging.Publishing;

// The publishing "module": a use case that records an assignment (a document) and publishes an event in the same
// transaction, as the product's use cases do (IDocumentSession + IMartenOutbox, one SaveChangesAsync).

/// <summary>The event crossing from the publishing module to the handling one (public: Wolverine's handlers take it).</summary>
public sealed record AssignmentRecorded(Guid MessageId, Instant OccurredAt, Guid AssignmentId, int Number, string Text) : IIntegrationMessage
{
    public static string MessageName => "bench.assignment-recorded.v1";
}

public sealed class Assignment
{
    public Guid Id { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }

    public Instant RecordedAt { get; set; }
}

internal sealed class RecordAssignment(IDocumentSession session, IMartenOutbox outbox, IClock clock)
{
    public const string Schema = "bench_publisher";

    public async Task HandleAsync(int number, Guid assignmentId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var assignment = new Assignment { Id = assignmentId, Number = number, Text = $"Einsatz {number}", RecordedAt = now };
        session.Store(assignment);
        await outbox.PublishAsync(new AssignmentRecorded(Guid.CreateVersion7(), now, assignment.Id, number, assignment.Text));
        await session.SaveChangesAsync(cancellationToken);
    }
}
