using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Compensation.DataProtection;

/// <summary>
/// One read of a payee's bank details by someone other than the payee. Append-only: the code only inserts, the database
/// refuses updates, and only the retention sweep deletes entries older than the period.
/// </summary>
internal sealed class PayeeReadAudit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VolunteerId { get; init; }

    public Instant At { get; init; }

    public Guid ReaderId { get; init; }

    public required string ReaderName { get; init; }

    public required string Where { get; init; }
}

/// <summary>Writes and reads the bank-details read log.</summary>
internal sealed class PayeeReadLog(IDocumentStore store, ICurrentUser user, IClock clock)
{
    /// <summary>In its own session: a read has no transaction to join, and the entry must be written whatever the page does next.</summary>
    public async Task RecordAsync(Guid volunteerId, string where, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new PayeeReadAudit
        {
            VolunteerId = volunteerId, At = clock.GetCurrentInstant(), ReaderId = user.Id, ReaderName = user.DisplayName, Where = where,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<PayeeReadAudit>> OfAsync(IQuerySession session, Guid volunteerId, CancellationToken cancellationToken)
        => await session.Query<PayeeReadAudit>().Where(a => a.VolunteerId == volunteerId).OrderByDescending(a => a.At).Take(100).ToListAsync(cancellationToken);
}
