using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

public sealed class OutboxTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task When_the_state_change_fails_to_save_no_outbox_row_exists()
    {
        var label = $"doppelt-{Guid.NewGuid():N}";
        await app.PublishAsync(label);
        await app.WaitForMessagesAsync();
        var before = await app.ProbeAsync(db => db.Outbox.CountAsync());

        // Same unique label again: the state change fails, and with it the message.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.PublishAsync(label));

        Assert.Equal(before, await app.ProbeAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task When_the_state_change_saves_the_message_is_delivered_to_every_handler()
    {
        var label = $"gespeichert-{Guid.NewGuid():N}";

        await app.PublishAsync(label);
        await app.WaitForMessagesAsync();

        Assert.Equal(1, await app.SightingsAsync(nameof(FirstProbeHandler), label));
        Assert.Equal(1, await app.SightingsAsync(nameof(SecondProbeHandler), label));
    }

    [Fact]
    public async Task Waiting_covers_the_messages_that_handlers_publish_in_turn()
    {
        var label = $"cascade-{Guid.NewGuid():N}";

        await app.PublishAsync(label);
        await app.WaitForMessagesAsync();

        Assert.Equal(1, await app.SightingsAsync(nameof(FollowUpProbeHandler), label + "/followed-up"));
        var cause = await app.ProbeAsync(db => db.Sightings.Where(s => s.Label == label).Select(s => s.MessageId).FirstAsync());
        var followUp = await app.ProbeAsync(db => db.Outbox.SingleAsync(o => o.CausationId == cause));
        Assert.Equal(ProbeFollowedUp.MessageName, followUp.Name);
    }

    [Fact]
    public async Task A_published_message_carries_its_id_and_time_in_the_payload()
    {
        var label = $"umschlag-{Guid.NewGuid():N}";

        await app.PublishAsync(label);

        var row = await app.ProbeAsync(db => db.Outbox.OrderByDescending(o => o.Id).FirstAsync());
        var payload = System.Text.Json.JsonDocument.Parse(row.Payload).RootElement;
        Assert.Equal(row.MessageId, payload.GetProperty("messageId").GetGuid());
        Assert.Equal("2026-03-02T08:00:00Z", payload.GetProperty("occurredAt").GetString());
        Assert.Equal(app.Clock.GetCurrentInstant(), row.OccurredAt);
    }

    [Fact]
    public async Task Handled_rows_are_pruned_after_the_retention_and_pending_ones_stay()
    {
        var label = $"alt-{Guid.NewGuid():N}";
        await app.PublishAsync(label);
        await app.WaitForMessagesAsync();
        var monitor = app.Services.GetRequiredService<MessageMonitor>();

        var tooEarly = await monitor.PruneAsync(CancellationToken.None);
        app.Clock.Advance(NodaTime.Duration.FromDays(15));
        try
        {
            var pruned = await monitor.PruneAsync(CancellationToken.None);

            Assert.Equal(0, tooEarly);
            Assert.True(pruned >= 3, $"expected the outbox row and two inbox rows to go, pruned {pruned}");
            Assert.False(await app.ProbeAsync(db => db.Inbox.AnyAsync()));
        }
        finally
        {
            app.Clock.Advance(NodaTime.Duration.FromDays(-15));
        }
    }
}
