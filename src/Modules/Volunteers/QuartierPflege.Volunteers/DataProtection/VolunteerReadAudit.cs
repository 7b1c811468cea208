using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.Volunteers.DataProtection;

/// <summary>
/// One read of a volunteer's profile by someone other than the volunteer. Append-only: the code only inserts (no update
/// path), the database refuses updates, and only the retention sweep deletes entries older than the period.
/// </summary>
internal sealed class VolunteerReadAudit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VolunteerId { get; init; }

    public Instant At { get; init; }

    public Guid ReaderId { get; init; }

    public required string ReaderName { get; init; }

    /// <summary>Where it was read, in German ("Profil (API)", "Seite Ehrenamtliche").</summary>
    public required string Where { get; init; }
}

/// <summary>Writes and reads the profile read log; a volunteer reading their own profile is not logged.</summary>
internal sealed class VolunteerReadLog(IDocumentStore store, ICurrentUser user, IClock clock)
{
    /// <summary>Written in its own session: a read has no transaction of its own to join, and the log must not depend on one.</summary>
    public async Task RecordAsync(Guid volunteerId, string where, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new VolunteerReadAudit
        {
            VolunteerId = volunteerId, At = clock.GetCurrentInstant(), ReaderId = user.Id, ReaderName = user.DisplayName, Where = where,
        });
        await session.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IReadOnlyList<VolunteerReadAudit>> OfAsync(IQuerySession session, Guid volunteerId, CancellationToken cancellationToken)
        => await session.Query<VolunteerReadAudit>().Where(a => a.VolunteerId == volunteerId).OrderByDescending(a => a.At).Take(100).ToListAsync(cancellationToken);
}
