namespace QuartierPflege.Partners.Contracts;

/// <summary>
/// One cell of the coverage matrix: how many active, accepting partners offer <see cref="ServiceCategory"/> (a key of
/// <see cref="ServiceCategories"/>) in the Quartier; exactly one is a single point of failure (Ausfallrisiko).
/// </summary>
public sealed record OfferCell(string Quartier, string ServiceCategory, int ActivePartners)
{
    public bool SinglePointOfFailure => ActivePartners == 1;
}

/// <summary>Aggregate, read-only figures of the partner network (for the Quartier-Lagebild): counts of organisations only.</summary>
public interface IOfferStatistics
{
    /// <summary>Every known service category × every active Quartier, zero cells included.</summary>
    Task<IReadOnlyList<OfferCell>> OffersAsync(CancellationToken cancellationToken);
}
