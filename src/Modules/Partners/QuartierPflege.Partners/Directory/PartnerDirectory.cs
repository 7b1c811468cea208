using Marten;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

/// <summary>The read-only face of the partner directory that other modules use (referrals pick partners here).</summary>
internal sealed class PartnerDirectory(IQuerySession session) : IPartnerDirectory
{
    public async Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken)
    {
        var query = session.Query<Partner>().Where(p => p.Status == PartnerStatus.Active);
        if (!string.IsNullOrWhiteSpace(serviceCategory))
        {
            query = query.Where(p => p.ServiceCategories.Contains(serviceCategory));
        }

        if (!string.IsNullOrWhiteSpace(quartier))
        {
            query = query.Where(p => p.Quartiere.Contains(quartier));
        }

        var partners = await query.OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return [.. partners.Select(ToListing)];
    }

    public async Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken)
        => await session.LoadAsync<Partner>(partnerId, cancellationToken) is { } partner ? ToListing(partner) : null;

    internal static PartnerListing ToListing(Partner partner)
        => new(partner.Id, partner.Name, partner.ServiceCategories, partner.Quartiere, partner.Status, partner.Phone, partner.Email);
}
