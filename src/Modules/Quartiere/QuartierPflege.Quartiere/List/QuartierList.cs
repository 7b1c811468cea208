using System.Globalization;
using Marten;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Quartiere.List;

/// <summary>Serves the managed list to other modules. The list is small (a programme has tens of Quartiere).</summary>
internal sealed class QuartierList(IQuerySession session) : IQuartierList
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);

    public async Task<IReadOnlyList<QuartierListing>> ActiveAsync(CancellationToken cancellationToken)
        => [.. (await AllAsync(cancellationToken)).Where(q => q.Active)];

    public async Task<IReadOnlyList<QuartierListing>> AllAsync(CancellationToken cancellationToken)
    {
        var all = await session.Query<Quartier>().ToListAsync(cancellationToken);
        return [.. all.Select(ToListing).OrderBy(q => q.Name, German)];
    }

    public async Task<QuartierListing?> FindAsync(string name, CancellationToken cancellationToken)
        => string.IsNullOrWhiteSpace(name) ? null
            : await session.LoadAsync<Quartier>(name.Trim(), cancellationToken) is { } quartier ? ToListing(quartier) : null;

    internal static QuartierListing ToListing(Quartier quartier)
        => new(quartier.Id, [.. quartier.Neighbours.Order(German)], quartier.Active);
}
