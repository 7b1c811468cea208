using Marten;

namespace QuartierPflege.BuildingBlocks.Documents;

/// <summary>
/// Serialises work that must count each record once across Hosts (a retention sweep, an erasure): the session's
/// transaction starts now and holds a transaction-scoped advisory lock named <c>name</c> until it commits or rolls back,
/// so a second Host handling a duplicate waits, then reads what the first committed and finds nothing left to do.
/// </summary>
public static class TransactionLock
{
    public static async Task TakeAsync(IDocumentSession session, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.BeginTransactionAsync(cancellationToken);
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext(@name))";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> now, in the transaction <see cref="TakeAsync"/> started (e.g.
    /// <see cref="AppendOnly.AllowRetentionDeletesSql"/>). Queued instead, a SELECT's result would be read as the answer
    /// of the next queued operation (a revisioned update) and fail the commit.
    /// </summary>
    public static async Task ExecuteAsync(IDocumentSession session, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.BeginTransactionAsync(cancellationToken);
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
