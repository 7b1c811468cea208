using JasperFx;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>The transactional outbox with the Marten session: a state change and its message commit together or not at all.</summary>
public sealed class OutboxTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task When_the_state_change_fails_to_commit_no_message_is_stored_or_delivered()
    {
        var label = $"doppelt-{Guid.NewGuid():N}";
        await app.TrackAsync(() => app.PublishHappenedAsync(label));
        var stored = await app.StoredEnvelopesAsync(ProbeHappened.MessageName);

        // The same label again: the record exists, the commit fails, and the message with it.
        var tracked = await app.TrackAllowingFailuresAsync(
            () => Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => app.PublishHappenedAsync(label)));

        Assert.Empty(tracked.Sent.MessagesOf<ProbeHappened>());
        Assert.Equal(stored, await app.StoredEnvelopesAsync(ProbeHappened.MessageName));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(FirstProbeHandler), label));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(SecondProbeHandler), label));
    }

    [Fact]
    public async Task When_the_state_change_commits_the_message_is_delivered_once_to_every_handler()
    {
        var label = $"gespeichert-{Guid.NewGuid():N}";

        await app.TrackAsync(() => app.PublishHappenedAsync(label));

        Assert.Equal(1, await app.DeliveriesAsync(nameof(FirstProbeHandler), label));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(SecondProbeHandler), label));
    }

    [Fact]
    public async Task A_message_that_a_handler_returns_is_delivered_and_waited_for()
    {
        var label = $"cascade-{Guid.NewGuid():N}";

        var tracked = await app.TrackAsync(() => app.PublishHappenedAsync(label));

        Assert.Equal(label + "/followed-up", tracked.Executed.SingleMessage<ProbeFollowedUp>().Label);
        Assert.Equal(1, await app.DeliveriesAsync(nameof(FollowUpProbeHandler), label + "/followed-up"));
    }

    [Fact]
    public async Task A_message_is_stored_under_its_wire_name_and_kept_as_handled_for_the_retention()
    {
        var label = $"umschlag-{Guid.NewGuid():N}";

        var tracked = await app.TrackAsync(() => app.PublishHappenedAsync(label));

        // One envelope per handler, each to its own queue (MultipleHandlerBehavior.Separated).
        var sent = tracked.Sent.Envelopes().Where(e => e.Message is ProbeHappened).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, sent.Select(e => e.Destination).Distinct().Count());
        Assert.All(sent, e => Assert.Equal(ProbeHappened.MessageName, e.MessageType));
        Assert.All(sent, e => Assert.Equal(app.Clock.GetCurrentInstant(), ((ProbeHappened)e.Message!).OccurredAt));
        // Handled envelopes stay (so that a repeated delivery is recognised) for Messaging:KeepHandledMessagesFor, 14 days.
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            """
            SELECT count(*) FROM wolverine.wolverine_incoming_envelopes
            WHERE message_type = $1 AND status = 'Handled' AND keep_until > now() + interval '13 days' AND keep_until < now() + interval '15 days'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ProbeHappened.MessageName });
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 2, "each handler's envelope is kept as handled for 14 days");
    }
}
