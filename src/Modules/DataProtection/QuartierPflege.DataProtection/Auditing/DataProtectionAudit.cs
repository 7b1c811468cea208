using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.DataProtection.Persistence;

namespace QuartierPflege.DataProtection.Auditing;

/// <summary>Writes the module's audit: only inserts (there is no path in code that changes or removes an entry but the sweep).</summary>
internal sealed class DataProtectionAudit(IDocumentSession session, ICurrentUser user, IClock clock)
{
    /// <summary>Adds an entry by the signed-in person to the session (committed with the change it records).</summary>
    public void Record(AuditAction action, string text)
        => session.Insert(Entry(action, text, user.Id, user.DisplayName, clock.GetCurrentInstant()));

    /// <summary>An entry by the system (the weekly job, a consent withdrawal), not by a signed-in person.</summary>
    public static DataProtectionAuditEntry Entry(AuditAction action, string text, Guid? userId, string userName, Instant at)
        => new() { Id = Guid.NewGuid(), At = at, UserId = userId, UserName = userName, Action = action, Text = text };

    public async Task<IReadOnlyList<DataProtectionAuditEntry>> LatestAsync(int count, CancellationToken cancellationToken)
        => await session.Query<DataProtectionAuditEntry>().OrderByDescending(e => e.At).Take(count).ToListAsync(cancellationToken);
}
