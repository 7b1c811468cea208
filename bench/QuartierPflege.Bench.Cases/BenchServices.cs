using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement;

namespace QuartierPflege.Bench.Cases;

/// <summary>The person the measured request runs as (set per scope, like the signed-in user of a request).</summary>
internal sealed class BenchUser : ICurrentUser
{
    public Guid Id { get; set; }

    public string DisplayName { get; set; } = "Bench";

    public bool IsCoordination { get; set; }

    public bool IsInRole(string role) => role == (IsCoordination ? Roles.Koordination : Roles.Fallmanagement);
}

/// <summary>Always the same morning, so "today" and the no-contact cut-off match the loaded data.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

internal static class BenchServices
{
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 8, 0);

    /// <summary>The module as the Host registers it, with a settable current user instead of the HTTP one.</summary>
    public static ServiceProvider Build(string connectionString)
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
        services.AddScoped<BenchUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<BenchUser>());
        services.AddCaseManagement(configuration);
        return services.BuildServiceProvider();
    }
}
