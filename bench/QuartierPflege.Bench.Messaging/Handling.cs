using Marten;
using QuartierPflege.Bench.Messaging.Publishing;

namespace QuartierPflege.Bench.Messaging.Handling;

// The handling "module": stores a receipt document for each event, in its own schema and transaction (Wolverine's
// transactional middleware commits it together with marking the envelopes handled). Two ways, chosen by the bench
// (QP_BENCH_BATCH): one event per transaction, or the events that arrived together in one transaction (Wolverine's
// batch handling). Neither class is named *Handler: the bench includes exactly one of them, not both.

public sealed class AssignmentReceipt
{
    /// <summary>The assignment's id: handling the same event twice overwrites the receipt instead of adding one.</summary>
    public Guid Id { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }
}

public static class AssignmentReceipts
{
    public const string Schema = "bench_handler";

    public static void Handle(AssignmentRecorded message, IDocumentSession session) => Store(message, session);

    internal static void Store(AssignmentRecorded message, IDocumentSession session)
    {
        session.Store(new AssignmentReceipt { Id = message.AssignmentId, Number = message.Number, Text = message.Text });
        session.Listeners.Add(new HandledProbe(message.AssignmentId));
    }
}

public static class AssignmentReceiptBatches
{
    public static void Handle(AssignmentRecorded[] messages, IDocumentSession session)
    {
        foreach (var message in messages)
        {
            AssignmentReceipts.Store(message, session);
        }
    }
}
