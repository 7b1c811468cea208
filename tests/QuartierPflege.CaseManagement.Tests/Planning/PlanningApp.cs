using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Planning.Consent;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;
using Wolverine;

namespace QuartierPflege.CaseManagement.Tests.Planning;

/// <summary>
/// The Host with test doubles for what other branches provide: the consent check (answers from a settable list), the
/// partner directory, and the receiving end of this module's messages in the Partners and Volunteers modules (so that a
/// published message is really sent, after the commit, and a test can tell it from one that never left).
/// </summary>
public sealed class PlanningApp : QpApp
{
    internal FakeConsentGate Consent { get; } = new();

    internal FakePartnerDirectory Partners { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConsentGate>(Consent);
        services.AddSingleton<IPartnerDirectory>(Partners);
        services.ConfigureWolverine(o => o.Discovery.IncludeType(typeof(OtherModulesInbox)));
    }
}

/// <summary>Stands in for the Partners and Volunteers modules' handlers of what Case Management publishes.</summary>
public static class OtherModulesInbox
{
    public static void Handle(ReferralRequested message) => ArgumentNullException.ThrowIfNull(message);

    public static void Handle(ReferralWithdrawn message) => ArgumentNullException.ThrowIfNull(message);

    public static void Handle(NeighbourHelpRequested message) => ArgumentNullException.ThrowIfNull(message);

    public static void Handle(HelperChosen message) => ArgumentNullException.ThrowIfNull(message);

    public static void Handle(CaseClosed message) => ArgumentNullException.ThrowIfNull(message);
}

/// <summary>Consents as a list: granted ones cover the resident for a purpose (and, for sharing, a partner or a category).</summary>
internal sealed class FakeConsentGate : IConsentGate
{
    private readonly Lock _gate = new();
    private readonly List<(Guid ResidentId, ConsentPurpose Purpose, Guid? PartnerId, string? Category)> _granted = [];

    public void Grant(Guid residentId, ConsentPurpose purpose, Guid? partnerId = null, string? category = null)
    {
        lock (_gate)
        {
            _granted.Add((residentId, purpose, partnerId, category));
        }
    }

    public void Withdraw(Guid residentId, ConsentPurpose purpose)
    {
        lock (_gate)
        {
            _granted.RemoveAll(g => g.ResidentId == residentId && g.Purpose == purpose);
        }
    }

    public Task<string?> MissingConsentAsync(Guid residentId, ConsentPurpose purpose, Guid? partnerId = null, string? serviceCategory = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var covered = _granted.Any(g => g.ResidentId == residentId && g.Purpose == purpose
                && (purpose != ConsentPurpose.ShareWithPartners || g.PartnerId == partnerId || (g.Category is not null && g.Category == serviceCategory)));
            var name = purpose switch
            {
                ConsentPurpose.ShareWithPartners => "Weitergabe an Netzwerkpartner",
                ConsentPurpose.InvolveNeighbours => "Nachbarschaftshilfe einbeziehen",
                ConsentPurpose.ContactRelatives => "Angehörige kontaktieren",
                _ => "Daten speichern",
            };
            return Task.FromResult(covered ? null : $"Es liegt keine aktive Einwilligung „{name}“ vor.");
        }
    }
}

internal sealed class FakePartnerDirectory : IPartnerDirectory
{
    private readonly Lock _gate = new();
    private readonly List<PartnerListing> _partners = [];

    public PartnerListing Add(string name, string category, string quartier, PartnerStatus status = PartnerStatus.Active)
    {
        var partner = new PartnerListing(Guid.NewGuid(), name, [category], [quartier], status, "0371 123456", null);
        lock (_gate)
        {
            _partners.Add(partner);
        }

        return partner;
    }

    public Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PartnerListing>>(_partners
                .Where(p => p.Status == PartnerStatus.Active
                            && (serviceCategory is null || p.ServiceCategories.Contains(serviceCategory))
                            && (quartier is null || p.Quartiere.Contains(quartier)))
                .ToList());
        }
    }

    public Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_partners.FirstOrDefault(p => p.PartnerId == partnerId));
        }
    }

    public Task<IReadOnlyList<PartnerListing>> SearchAsync(PartnerSearch search, CancellationToken cancellationToken)
        => FindPartnersAsync(search.ServiceCategory, search.Quartier, cancellationToken);
}
