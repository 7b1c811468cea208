using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Network;

namespace QuartierPflege.Partners.Features.Statistics;

internal static class OfferStatisticsRegistration
{
    public static IServiceCollection AddOfferStatistics(this IServiceCollection services)
        => services.AddScoped<IOfferStatistics, OfferStatistics>();
}

/// <summary>The coverage matrix as the network page counts it (<see cref="CoverageQuery"/>), its cells as plain figures.</summary>
internal sealed class OfferStatistics(CoverageQuery coverage) : IOfferStatistics
{
    public async Task<IReadOnlyList<OfferCell>> OffersAsync(CancellationToken cancellationToken)
    {
        var matrix = await coverage.HandleAsync(new CoverageFilter(), cancellationToken);
        return [.. matrix.Cells.Select(c => new OfferCell(c.Quartier, c.ServiceCategory, c.Count))];
    }
}
