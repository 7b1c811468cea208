namespace QuartierPflege.CaseManagement.Features.Planning.Consent;

/// <summary>
/// Asked before anything about a resident leaves the module (referrals, neighbour help): null when an active consent
/// covers it, else a German message that names the missing consent. Same shape as the residents area's ConsentCheck,
/// which is bound to it when the branches come together (until then only tests register an implementation).
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

/// <summary>Mirrors Domain.ConsentPurpose of the residents area; replaced by it at the merge (same names and values).</summary>
internal enum ConsentPurpose
{
    StoreData = 0,
    ShareWithPartners = 1,
    ContactRelatives = 2,
    InvolveNeighbours = 3,
}
