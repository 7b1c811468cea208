using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Quartiere.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>The Host with the demo Quartiere as the managed list (a test database has none until coordination adds them).</summary>
public sealed class VolunteersApp : QpApp
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IQuartierList, FixedQuartierList>();
}

internal sealed class FixedQuartierList : IQuartierList
{
    private static readonly IReadOnlyList<QuartierListing> Quartiere =
    [
        new("Döbeln-Nord", ["Döbeln-Ost", "Döbeln-Zentrum"], true),
        new("Döbeln-Ost", ["Döbeln-Nord", "Döbeln-Zentrum"], true),
        new("Döbeln-Zentrum", ["Döbeln-Nord", "Döbeln-Ost"], true),
        new("Großweitzschen", ["Döbeln-Nord"], true),
        new("Hartha", [], true),
    ];

    public Task<IReadOnlyList<QuartierListing>> ActiveAsync(CancellationToken cancellationToken) => Task.FromResult(Quartiere);

    public Task<IReadOnlyList<QuartierListing>> AllAsync(CancellationToken cancellationToken) => Task.FromResult(Quartiere);

    public Task<QuartierListing?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Quartiere.FirstOrDefault(q => q.Name == name));
}
