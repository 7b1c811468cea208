using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace QuartierPflege.ArchitectureTests;

/// <summary>
/// The Host's composition (every module's <c>Add&lt;Module&gt;</c>), built but never started: its services describe
/// the Marten store and Wolverine's handlers exactly as the product registers them. Nothing connects to a database:
/// the connection string points at a closed port, so a test that tried would fail loudly.
/// </summary>
internal static class ComposedHost
{
    private static readonly Lazy<WebApplication> App = new(Build);

    public static IServiceProvider Services => App.Value.Services;

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = Solution.Host.GetName().Name,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:QuartierPflege"] = "Host=127.0.0.1;Port=9;Database=never-opened;Username=nobody;Timeout=1",
        });

        // The composition is internal to the Host (only the modules' entry points and the Host's Program are public).
        var addQuartierPflege = Solution.Host
            .GetType("QuartierPflege.Host.Composition.HostSetup", throwOnError: true)!
            .GetMethod("AddQuartierPflege", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("HostSetup.AddQuartierPflege(WebApplicationBuilder) was not found.");
        addQuartierPflege.Invoke(null, [builder]);
        return builder.Build();
    }
}
