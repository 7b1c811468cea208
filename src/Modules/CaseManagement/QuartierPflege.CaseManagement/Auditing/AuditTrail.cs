using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;

namespace QuartierPflege.CaseManagement.Auditing;

/// <summary>
/// Records reads and changes. <see cref="Record"/> adds the entry to the request's document session, so a change and its
/// audit entry commit together with the caller's <c>SaveChangesAsync</c>; for pure reads call <see cref="SaveReadAsync"/>.
/// </summary>
internal sealed class AuditTrail(IDocumentSession session, ICurrentUser user, IClock clock)
{
    public void Record(AuditAction action, string recordKind, Guid recordId, string description, Guid? residentId = null, Guid? caseId = null, bool confidential = false)
        => session.Insert(new AuditEntry
        {
            At = clock.GetCurrentInstant(),
            UserId = user.Id,
            UserName = user.DisplayName,
            Action = action,
            RecordKind = recordKind,
            RecordId = recordId,
            ResidentId = residentId,
            CaseId = caseId,
            Description = description,
            Confidential = confidential,
        });

    /// <summary>Logs a read on its own (reads change nothing else that would save it).</summary>
    public async Task SaveReadAsync(string recordKind, Guid recordId, string description, Guid? residentId, Guid? caseId, CancellationToken cancellationToken)
    {
        Record(AuditAction.Read, recordKind, recordId, description, residentId, caseId);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A search over all residents (it shows names and addresses of people outside one's cases): who looked for what.</summary>
    public async Task SaveSearchAsync(string? query, string? quartier, int found, CancellationToken cancellationToken)
    {
        var what = string.IsNullOrWhiteSpace(query) ? "ohne Suchbegriff" : $"„{query.Trim()}“";
        var where = string.IsNullOrWhiteSpace(quartier) ? string.Empty : $" in {quartier.Trim()}";
        Record(AuditAction.Read, "ResidentSearch", Guid.Empty, $"Bewohner:innen gesucht {what}{where}: {found} Treffer");
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveDeniedAsync(string recordKind, Guid recordId, Guid? caseId, CancellationToken cancellationToken, Guid? residentId = null)
    {
        Record(AuditAction.DeniedRead, recordKind, recordId, "Zugriff verweigert (kein Fallmanagement, keine Vertretung)", residentId, caseId);
        await session.SaveChangesAsync(cancellationToken);
    }
}
