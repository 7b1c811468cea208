using JasperFx;
using Marten;
using QuartierPflege.BuildingBlocks.Web;
using Wolverine.Runtime;
using Wolverine.Marten;

namespace QuartierPflege.BuildingBlocks.Documents;

/// <summary>Tells a concurrent edit (someone else saved the document in between) from any other failure.</summary>
public static class ConcurrentEdits
{
    /// <summary>
    /// Marten throws <see cref="ConcurrencyException"/> when a revision or version does not match, or an
    /// <see cref="AggregateException"/> of them when several documents of one commit do not.
    /// </summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsConflict),
        _ => false,
    };

    /// <summary>
    /// Commits the session (documents and the outbox's messages together); a concurrent edit becomes the German 409
    /// outcome, and the refused operations and messages are dropped so that no later save of the same request sends them.
    /// </summary>
    public static Task<Outcome<T>> SaveOrConflictAsync<T>(this IDocumentSession session, IMartenOutbox outbox, T value, CancellationToken cancellationToken)
        => SaveAsync(session, outbox, value, cancellationToken);

    /// <summary>The same for a commit that publishes no messages (documents and audit entries only).</summary>
    public static Task<Outcome<T>> SaveOrConflictAsync<T>(this IDocumentSession session, T value, CancellationToken cancellationToken)
        => SaveAsync(session, null, value, cancellationToken);

    private static async Task<Outcome<T>> SaveAsync<T>(IDocumentSession session, IMartenOutbox? outbox, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return Outcome<T>.Done(value);
        }
        catch (Exception ex) when (IsConflict(ex))
        {
            session.EjectAllPendingChanges();
            if (outbox is MessageContext context)
            {
                await context.ClearAllAsync();
            }

            return Outcome<T>.Conflict(ApiProblems.ConcurrentEditMessage);
        }
    }
}
