using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using QuartierPflege.BuildingBlocks.Messaging;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

public sealed class PoisonProbeApp : ProbeApp
{
    public PoisonProbeApp()
    {
        Settings["Messaging:MaxAttempts"] = "3";
        Settings["Messaging:RetryBaseDelay"] = "00:00:10";
    }
}

public sealed class DeadLetterTests(PoisonProbeApp app) : IClassFixture<PoisonProbeApp>
{
    [Fact]
    public async Task A_handler_that_always_throws_is_retried_with_growing_delays_then_dead_lettered_and_replay_delivers_it_once()
    {
        var messageId = Guid.NewGuid();
        await app.ProbeAsync(async db =>
        {
            db.Publish(new ProbePoisoned(messageId, default));
            return await db.SaveChangesAsync();
        });

        var first = await AttemptAsync(messageId, 1);
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromSeconds(10), first.NextAttemptAt);
        Assert.Contains("Der Partnerdienst antwortet nicht", first.LastError, StringComparison.Ordinal);

        app.Clock.Advance(Duration.FromSeconds(10));
        var second = await AttemptAsync(messageId, 2);
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromSeconds(20), second.NextAttemptAt);

        app.Clock.Advance(Duration.FromSeconds(20));
        var third = await AttemptAsync(messageId, 3);
        Assert.NotNull(third.DeadLetteredAt);

        // Fault fixed: the coordinator replays it from the admin page's API.
        app.Fault.Broken = false;
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var replay = await admin.PostAsync($"/api/admin/messages/{ProbeDbContext.SchemaName}/{third.Id}/replay", null);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        await app.WaitForMessagesAsync();

        Assert.Equal(1, await app.ProbeAsync(db => db.Sightings.CountAsync(s => s.MessageId == messageId)));
        var again = await admin.PostAsync($"/api/admin/messages/{ProbeDbContext.SchemaName}/{third.Id}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Dead_letters_are_listed_with_payload_and_error_for_coordination_only()
    {
        var messageId = Guid.NewGuid();
        app.Fault.Broken = true;
        await app.ProbeAsync(async db =>
        {
            db.Publish(new ProbePoisoned(messageId, default));
            return await db.SaveChangesAsync();
        });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var row = await AttemptAsync(messageId, attempt);
            app.Clock.Advance(Duration.FromSeconds(40));
            _ = row;
        }

        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var page = await admin.GetStringAsync("/Verwaltung/Nachrichten");
        Assert.Contains(messageId.ToString(), page, StringComparison.Ordinal);
        Assert.Contains("Der Partnerdienst antwortet nicht", page, StringComparison.Ordinal);
        Assert.Contains(ProbePoisoned.MessageName, page, StringComparison.Ordinal);

        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/api/admin/messages")).StatusCode);
    }

    private async Task<OutboxMessage> AttemptAsync(Guid messageId, int attempts)
    {
        OutboxMessage? row = null;
        await MessageWaiting.WaitUntilAsync(
            async () =>
            {
                row = await app.ProbeAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.MessageId == messageId));
                return row.Attempts >= attempts;
            },
            $"attempt {attempts} of {messageId}");
        Assert.Equal(attempts, row!.Attempts);
        return row;
    }
}

public sealed class RetryDelayRules
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    public void The_delay_doubles_with_every_failure(int attempts, int seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), new MessagingOptions { RetryBaseDelay = TimeSpan.FromSeconds(5) }.DelayAfter(attempts));

    [Fact]
    public void The_delay_never_exceeds_the_maximum()
        => Assert.Equal(TimeSpan.FromMinutes(30), new MessagingOptions().DelayAfter(40));

    [Fact]
    public void Message_names_are_explicit_and_unique_in_the_registry()
    {
        var registry = new MessageRegistry();
        registry.AddType<ProbeHappened>();

        Assert.Throws<InvalidOperationException>(registry.AddType<Clash>);
    }

    private sealed record Clash(Guid MessageId, Instant OccurredAt) : IIntegrationMessage
    {
        public static string MessageName => ProbeHappened.MessageName;
    }
}
