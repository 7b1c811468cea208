using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Administration;

/// <summary>The message flow for coordination: what is pending, what was handled, what failed, and replaying it.</summary>
internal static class MessageAdminEndpoints
{
    public static IEndpointRouteBuilder MapMessageAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var messages = endpoints.MapGroup("/api/admin/messages")
            .RequireAuthorization(Policies.Administration)
            .WithTags("Nachrichtenfluss");

        messages.MapGet("/", async (MessageMonitor monitor, CancellationToken ct) => TypedResults.Ok(new
            {
                Flow = await monitor.FlowAsync(ct),
                DeadLetters = await monitor.DeadLettersAsync(ct),
            }))
            .WithSummary("Nachrichtenfluss je Modul und unzustellbare Nachrichten");

        messages.MapPost("/{schema}/{id:long}/replay", async (string schema, long id, MessageMonitor monitor, CancellationToken ct) =>
                await monitor.ReplayAsync(schema, id, ct)
                    ? Results.NoContent()
                    : ApiProblems.NotFound("Diese unzustellbare Nachricht gibt es nicht (mehr)."))
            .WithSummary("Unzustellbare Nachricht erneut zustellen");

        return endpoints;
    }
}
