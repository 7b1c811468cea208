using Marten;
using QuartierPflege.Bench.Messaging.Publishing;

namespace QuartierPflege.Bench.Messaging.Handling;

// The handling "module": stores a receipt document for each event, in its own schema and transaction (Wolverine's
// transactional middleware commits it together with marking the envelope handled).

public sealed class AssignmentReceipt
{
    /// <summary>The assignment's id: handling the same event twice overwrites the receipt instead of adding one.</summary>
    public Guid Id { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }
}

public static class AssignmentRecordedHandler
{
    public const string Schema = "bench_handler";

    public static void Handle(AssignmentRecorded message, IDocumentSession session)
    {
        session.Store(new AssignmentReceipt { Id = message.AssignmentId, Number = message.Number, Text = message.Text });
        session.Listeners.Add(new HandledProbe(message.AssignmentId));
    }
}
