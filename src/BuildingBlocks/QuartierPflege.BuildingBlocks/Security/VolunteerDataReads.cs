using Marten;
using NodaTime;

namespace QuartierPflege.BuildingBlocks.Security;

/// <summary>
/// One read of a volunteer's data by someone other than the volunteer, as a module logs it (each module its own
/// document type in its own schema). Append-only: the code only inserts, the database refuses updates (see
/// <c>AppendOnly</c>), and only the retention sweep deletes entries older than the period.
/// </summary>
public abstract class VolunteerDataRead
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VolunteerId { get; init; }

    public Instant At { get; init; }

    public Guid ReaderId { get; init; }

    public string ReaderName { get; init; } = "";

    /// <summary>Where it was read, in German ("Profil (API)", "Seite Zahlungsempfänger").</summary>
    public string Where { get; init; } = "";
}

/// <summary>Writes a module's read log of volunteers' data and lists it, newest first.</summary>
public class VolunteerDataReadLog<TEntry>(IDocumentStore store, ICurrentUser user, IClock clock)
    where TEntry : VolunteerDataRead, new()
{
    /// <summary>How many entries a page or the API shows.</summary>
    public const int Shown = 100;

    /// <summary>Written in its own session: a read has no transaction to join, and the entry must not depend on one.</summary>
    public async Task RecordAsync(Guid volunteerId, string where, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new TEntry
        {
            VolunteerId = volunteerId, At = clock.GetCurrentInstant(), ReaderId = user.Id, ReaderName = user.DisplayName, Where = where,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TEntry>> LatestAsync(IQuerySession session, Guid volunteerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Query<TEntry>().Where(a => a.VolunteerId == volunteerId).OrderByDescending(a => a.At).Take(Shown).ToListAsync(cancellationToken);
    }
}
