using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners;
using QuartierPflege.Quartiere.Contracts;

namespace QuartierPflege.Bench.Partners;

internal sealed class BenchUser : ICurrentUser
{
    public Guid Id { get; } = Guid.Empty;

    public string DisplayName => "Bench";

    public bool IsInRole(string role) => role == Roles.Koordination;
}

internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

/// <summary>The managed list as the benchmark's 200 Quartiere (each next to the one before and after it).</summary>
internal sealed class BenchQuartiere(IReadOnlyList<string> names) : IQuartierList
{
    private readonly IReadOnlyList<QuartierListing> _all = [.. names.Select((n, i) => new QuartierListing(n,
        [.. new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < names.Count).Select(j => names[j])], true))];

    public Task<IReadOnlyList<QuartierListing>> ActiveAsync(CancellationToken cancellationToken) => Task.FromResult(_all);

    public Task<IReadOnlyList<QuartierListing>> AllAsync(CancellationToken cancellationToken) => Task.FromResult(_all);

    public Task<QuartierListing?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_all.FirstOrDefault(q => q.Name == name));
}

internal static class BenchServices
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 8, 0);

    /// <summary>The module as the Host registers it, on the benchmark's database and Quartiere.</summary>
    public static ServiceProvider Build(string connectionString, IReadOnlyList<string> quartiere)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:QuartierPflege"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IClock>(new FixedClock(Now));
        services.AddQuartierPflegeDatabase(configuration);
        services.AddQuartierPflegeDocuments(configuration);
        services.AddSingleton<ICurrentUser, BenchUser>();
        services.AddSingleton<IQuartierList>(new BenchQuartiere(quartiere));
        services.AddPartners(configuration);
        return services.BuildServiceProvider();
    }
}
