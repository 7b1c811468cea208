using QuartierPflege.CaseManagement.Domain;

namespace QuartierPflege.CaseManagement.Features.Planning.Consent;

/// <summary>
/// Asked before anything about a resident leaves the module (referrals, neighbour help): null when an active consent
/// covers it, else a German message that names the missing consent. Implemented by the residents area's
/// ConsentCheck; a seam so that planning tests can state consents directly.
/// </summary>
internal interface IConsentGate
{
    Task<string?> MissingConsentAsync(
        Guid residentId,
        ConsentPurpose purpose,
        Guid? partnerId = null,
        string? serviceCategory = null,
        CancellationToken cancellationToken = default);
}
