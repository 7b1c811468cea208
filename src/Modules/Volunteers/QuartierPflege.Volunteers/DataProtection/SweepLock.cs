using Marten;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// Serialises the module's sweeps and erasures across Hosts: the session's transaction starts now and holds a
/// transaction-scoped advisory lock, so a second Host handling a duplicate waits, then reads what the first committed and
/// finds nothing left to count.
/// </summary>
internal static class SweepLock
{
    public static async Task TakeAsync(IDocumentSession session, string name, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = "SELECT pg_advisory_xact_lock(hashtext(@name))";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
