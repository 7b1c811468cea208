using Marten;
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
        // Each message in its own transaction with its record, as module use cases run, from a few requests at once.
        // Labels whose record is already stored are skipped, so a restarted Host publishes just the rest.
        app.MapPost("/probe/publish", async (string prefix, int count, IServiceScopeFactory scopes) =>
        {
            HashSet<string> stored;
            await using (var scope = scopes.CreateAsyncScope())
            {
                stored = [.. await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ProbeRecord>()
                    .Where(r => r.Id.StartsWith(prefix)).Select(r => r.Id).ToListAsync()];
            }

            var labels = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D4}").Where(l => !stored.Contains(l)).ToList();
            await Parallel.ForEachAsync(labels, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (label, _) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await ProbeModule.PublishHappenedAsync(scope.ServiceProvider, label);
            });
            return Results.Text($"published {labels.Count}");
        });
        await app.RunAsync();
    }
}
