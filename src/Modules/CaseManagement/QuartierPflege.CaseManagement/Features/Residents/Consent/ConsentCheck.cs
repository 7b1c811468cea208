using Marten;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;

namespace QuartierPflege.CaseManagement.Features.Residents.Consents;

/// <summary>
/// Asked before anything is stored, disclosed or arranged for a resident (opening a case, referrals, neighbour help):
/// null when an active consent covers it, else a German message that names the missing consent.
/// </summary>
internal sealed class ConsentCheck(IQuerySession session) : IConsentGate
{
    public async Task<string?> MissingConsentAsync(
        Guid residentId,
        ConsentPurpose purpose,
        Guid? partnerId = null,
        string? serviceCategory = null,
        CancellationToken cancellationToken = default)
    {
        // Withdrawal takes effect at once: only consents without a withdrawal count, read fresh from the database.
        var active = await session.Query<Consent>()
            .Where(c => c.ResidentId == residentId && c.Purpose == purpose && c.WithdrawnAt == null)
            .ToListAsync(cancellationToken);
        return ConsentRules.Missing(active, purpose, partnerId, serviceCategory);
    }
}
