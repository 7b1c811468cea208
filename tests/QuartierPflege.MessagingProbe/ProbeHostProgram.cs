using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Persistence;

namespace QuartierPflege.MessagingProbe;

/// <summary>
/// The probe module on the product's own message bus and document store, as a process of its own: the crash test starts
/// it, lets it publish, kills it with SIGKILL and starts it again. Settings come from the environment
/// (<c>ConnectionStrings__QuartierPflege</c>, <c>Messaging__StaleNodeTimeout</c>, …) like the real Host's.
/// </summary>
public static class ProbeHostProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddQuartierPflegeDatabase(builder.Configuration);
        builder.Services.AddQuartierPflegeDocuments(builder.Configuration);
        builder.AddQuartierPflegeMessaging(typeof(ProbeHostProgram).Assembly);
        builder.Services.AddMessagingProbe();

        var app = builder.Build();
        app.MapGet("/probe/ready", () => Results.Text("ok"));
        // Each message in its own transaction with its record, like a module's use cases one after the other.
        app.MapPost("/probe/publish", async (string prefix, int from, int count, IServiceScopeFactory scopes) =>
        {
            for (var i = from; i < from + count; i++)
            {
                await using var scope = scopes.CreateAsyncScope();
                await ProbeModule.PublishHappenedAsync(scope.ServiceProvider, $"{prefix}-{i:D4}");
            }

            return Results.Text("published");
        });
        await app.RunAsync();
    }
}
