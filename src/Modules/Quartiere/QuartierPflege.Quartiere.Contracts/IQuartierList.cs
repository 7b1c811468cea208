namespace QuartierPflege.Quartiere.Contracts;

/// <summary>
/// One Quartier of the managed list. Its name is its identity everywhere (documents and messages carry the name), which
/// is why the list offers no renaming: a Quartier that is no longer used is retired, not renamed.
/// </summary>
public sealed record QuartierListing(string Name, IReadOnlyList<string> Neighbours, bool Active);

/// <summary>
/// The managed list of Quartiere that every module chooses from (coordination maintains it). The only way other
/// modules learn which Quartiere exist and which lie next to each other.
/// </summary>
public interface IQuartierList
{
    /// <summary>The Quartiere that may be chosen for new records, by name (German collation).</summary>
    Task<IReadOnlyList<QuartierListing>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>Every Quartier, retired ones too (for filters over old records).</summary>
    Task<IReadOnlyList<QuartierListing>> AllAsync(CancellationToken cancellationToken);

    /// <summary>The Quartier of that exact name, retired or not; null when the list has none.</summary>
    Task<QuartierListing?> FindAsync(string name, CancellationToken cancellationToken);
}
