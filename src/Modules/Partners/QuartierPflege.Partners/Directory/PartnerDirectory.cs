using Marten;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Domain;

namespace QuartierPflege.Partners.Directory;

/// <summary>The read-only face of the partner directory that other modules use (referrals pick partners here).</summary>
internal sealed class PartnerDirectory(IQuerySession session) : IPartnerDirectory
{
    public Task<IReadOnlyList<PartnerListing>> FindPartnersAsync(string? serviceCategory, string? quartier, CancellationToken cancellationToken)
        => SearchAsync(new PartnerSearch(ServiceCategory: serviceCategory, Quartier: quartier, Limit: 1000), cancellationToken);

    public async Task<PartnerListing?> GetAsync(Guid partnerId, CancellationToken cancellationToken)
        => (await session.LoadAsync<Partner>(partnerId, cancellationToken))?.ToListing();

    public async Task<IReadOnlyList<PartnerListing>> SearchAsync(PartnerSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return [.. (await FindAsync(session, search, cancellationToken)).Select(p => p.ToListing())];
    }

    /// <summary>The documents behind a search, for the module's own pages.</summary>
    internal static async Task<IReadOnlyList<Partner>> FindAsync(IQuerySession session, PartnerSearch search, CancellationToken cancellationToken)
    {
        var query = session.Query<Partner>().AsQueryable();
        if (!search.IncludeUnavailable)
        {
            query = query.Where(p => p.Status == PartnerStatus.Active);
        }

        if (!string.IsNullOrWhiteSpace(search.ServiceCategory))
        {
            var category = search.ServiceCategory.Trim();
            query = query.Where(p => p.ServiceCategories.Contains(category));
        }

        if (!string.IsNullOrWhiteSpace(search.Quartier))
        {
            var quartier = search.Quartier.Trim();
            query = query.Where(p => p.Quartiere.Contains(quartier));
        }

        if (!string.IsNullOrWhiteSpace(search.Language))
        {
            var language = search.Language.Trim();
            query = query.Where(p => p.Languages.Contains(language));
        }

        if (search.Capacity is { } capacity)
        {
            query = query.Where(p => p.Capacity == capacity);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            // plainto_tsquery: what people type is words, never query syntax; every word must match (stemmed).
            var text = search.Text.Trim();
            query = query.Where(p => p.PlainTextSearch(text, PartnerDocuments.TextSearchConfig));
        }

        var limit = Math.Clamp(search.Limit, 1, 1000);
        var found = await query.OrderBy(p => p.Name).Take(limit).ToListAsync(cancellationToken);
        // Accepting partners first; the enum's order is the order of usefulness (stored as text, so sorted here).
        return [.. found.OrderBy(p => p.Capacity)];
    }
}
