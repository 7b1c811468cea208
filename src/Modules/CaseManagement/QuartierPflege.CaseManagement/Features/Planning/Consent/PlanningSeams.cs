namespace QuartierPflege.CaseManagement.Features.Planning.Consent;

/// <summary>
/// The residents area's consent check, taken as "whatever is registered" so that the Host starts (and the design-time
/// tools run) before it is bound; until then every disclosure is refused, never allowed.
/// </summary>
internal sealed class PlanningSeams(IEnumerable<IConsentGate> gates)
{
    public IConsentGate Consent { get; } = gates.LastOrDefault() ?? new ConsentNotConnected();

    private sealed class ConsentNotConnected : IConsentGate
    {
        public Task<string?> MissingConsentAsync(Guid residentId, ConsentPurpose purpose, Guid? partnerId = null, string? serviceCategory = null, CancellationToken cancellationToken = default)
            => Task.FromResult<string?>("Die Einwilligungen können derzeit nicht geprüft werden; ohne Prüfung wird nichts weitergegeben.");
    }
}
