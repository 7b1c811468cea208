using Npgsql;

namespace QuartierPflege.Compensation.Documents;

/// <summary>
/// A commit that inserted what another commit inserted first (the same month's run, prepared by two Hosts or two people
/// at once): Marten reports the primary key as its document-exists exception, a unique index as PostgreSQL's 23505.
/// </summary>
internal static class Duplicates
{
    public static bool IsDuplicate(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ when exception.GetType().Name == "DocumentAlreadyExistsException" => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsDuplicate),
        _ => exception.InnerException is { } inner && IsDuplicate(inner),
    };
}
