using QuartierPflege.BuildingBlocks.Bus;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;

namespace QuartierPflege.Host.Administration;

/// <summary>
/// The message flow for coordination, on Wolverine's own storage: counts per local queue, the dead letters, and replaying
/// or discarding them (one by id, or many at once).
/// </summary>
internal static class MessageAdminEndpoints
{
    private const string NoneFound = "Keine der angegebenen Nachrichten ist (noch) unzustellbar.";

    public static IEndpointRouteBuilder MapMessageAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var messages = endpoints.MapGroup("/api/admin/messages")
            .RequireAuthorization(Policies.Administration)
            .WithTags("Nachrichtenfluss");

        messages.MapGet("/", async (MessageAdministration admin, CancellationToken ct) => TypedResults.Ok(new
            {
                Queues = await admin.QueuesAsync(ct),
                DeadLetters = await admin.DeadLettersAsync(ct),
            }))
            .WithSummary("Nachrichten je Warteschlange und unzustellbare Nachrichten");

        messages.MapPost("/dead-letters/replay", async (DeadLetterSelection selection, MessageAdministration admin, CancellationToken ct) =>
                Answer(selection, await admin.ReplayAsync(selection.Ids ?? [], ct)))
            .WithSummary("Unzustellbare Nachrichten erneut zustellen");

        messages.MapPost("/dead-letters/discard", async (DeadLetterSelection selection, MessageAdministration admin, CancellationToken ct) =>
                Answer(selection, await admin.DiscardAsync(selection.Ids ?? [], ct)))
            .WithSummary("Unzustellbare Nachrichten verwerfen");

        messages.MapPost("/dead-letters/{id:guid}/replay", async (Guid id, MessageAdministration admin, CancellationToken ct) =>
                (await admin.ReplayAsync([id], ct)).Count == 1 ? Results.NoContent() : ApiProblems.NotFound(NoneFound))
            .WithSummary("Eine unzustellbare Nachricht erneut zustellen");

        messages.MapPost("/dead-letters/{id:guid}/discard", async (Guid id, MessageAdministration admin, CancellationToken ct) =>
                (await admin.DiscardAsync([id], ct)).Count == 1 ? Results.NoContent() : ApiProblems.NotFound(NoneFound))
            .WithSummary("Eine unzustellbare Nachricht verwerfen");

        return endpoints;
    }

    private static IResult Answer(DeadLetterSelection selection, IReadOnlyList<Guid> done)
        => done.Count == 0
            ? ApiProblems.NotFound(NoneFound)
            : TypedResults.Ok(new DeadLetterOutcome(done, [.. (selection.Ids ?? []).Except(done)]));

    internal sealed record DeadLetterSelection(Guid[]? Ids);

    internal sealed record DeadLetterOutcome(IReadOnlyList<Guid> Done, IReadOnlyList<Guid> NotFound);
}
