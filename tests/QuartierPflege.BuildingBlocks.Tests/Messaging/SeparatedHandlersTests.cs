using QuartierPflege.BuildingBlocks.Bus;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>MultipleHandlerBehavior.Separated: every handler of a message in its own queue and transaction.</summary>
public sealed class SeparatedHandlersTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task A_handler_that_always_fails_neither_rolls_back_nor_blocks_the_other_handler_of_the_message()
    {
        var broken = $"kaputt-{Guid.NewGuid():N}";
        await app.TrackAllowingFailuresAsync(() => app.PublishHappenedAsync(broken));

        // The first handler's work is committed; the second one's is rolled back on every attempt.
        Assert.Equal(1, await app.DeliveriesAsync(nameof(FirstProbeHandler), broken));
        Assert.Equal(0, await app.DeliveriesAsync(nameof(SecondProbeHandler), broken));
        var deadLetters = await app.InScopeAsync(sp => sp.GetRequiredService<MessageAdministration>().DeadLettersAsync(CancellationToken.None));
        var dead = Assert.Single(deadLetters, d => d.Payload.Contains(broken, StringComparison.Ordinal));
        Assert.Contains("secondprobehandler", dead.Queue, StringComparison.OrdinalIgnoreCase);

        // The failing message does not hold up the next one in the failing handler's own queue.
        var next = $"danach-{Guid.NewGuid():N}";
        await app.TrackAsync(() => app.PublishHappenedAsync(next));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(SecondProbeHandler), next));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(FirstProbeHandler), next));
    }
}
