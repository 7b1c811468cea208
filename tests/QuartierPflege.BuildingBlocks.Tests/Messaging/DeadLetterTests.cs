using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.MessagingProbe;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

/// <summary>Retries, dead letters and their replay or discard from the admin API and page, on Wolverine's storage.</summary>
public sealed class DeadLetterTests(ProbeApp app) : IClassFixture<ProbeApp>
{
    [Fact]
    public async Task A_handler_that_always_throws_ends_as_a_dead_letter_after_its_retries_and_replay_delivers_it_once()
    {
        app.Fault.Broken = true;
        var messageId = Guid.NewGuid();
        var label = $"gift-{messageId:N}";
        await app.TrackAllowingFailuresAsync(() => app.PublishPoisonedAsync(messageId, label));

        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var dead = await DeadLetterAsync(admin, messageId);
        // One attempt and one retry per cooldown (Messaging:RetryCooldowns, three in these tests).
        Assert.Equal(4, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("Der Partnerdienst antwortet nicht", dead.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(ProbePoisoned.MessageName, dead.GetProperty("message").GetProperty("wireName").GetString());
        var payload = JsonDocument.Parse(dead.GetProperty("payload").GetString()!).RootElement;
        Assert.Equal(messageId, payload.GetProperty("messageId").GetGuid());
        Assert.Equal("2026-03-02T08:00:00Z", payload.GetProperty("occurredAt").GetString());
        Assert.Equal(0, await app.DeliveriesAsync(nameof(PoisonedProbeHandler), label));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(PoisonWitnessHandler), label));

        // Fault fixed: the coordinator replays it from the admin API.
        app.Fault.Broken = false;
        var deadLetterId = dead.GetProperty("id").GetGuid();
        var replay = await admin.PostAsync($"/api/admin/messages/dead-letters/{deadLetterId}/replay", null);
        Assert.Equal(HttpStatusCode.NoContent, replay.StatusCode);
        var again = await admin.PostAsync($"/api/admin/messages/dead-letters/{deadLetterId}/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        await Eventually.UntilAsync(() => app.DeliveriesAsync(nameof(PoisonedProbeHandler), label), n => n >= 1, "the replayed message to be handled");
        await Eventually.UntilAsync(() => app.StoredEnvelopesAsync(ProbePoisoned.MessageName, "Incoming"), n => n == 0, "nothing of it left to deliver");
        Assert.Equal(1, await app.DeliveriesAsync(nameof(PoisonedProbeHandler), label));
        // The handler that had already succeeded does not see the replayed message again.
        Assert.Equal(1, await app.DeliveriesAsync(nameof(PoisonWitnessHandler), label));
        Assert.DoesNotContain(await DeadLettersAsync(admin), d => d.GetProperty("id").GetGuid() == deadLetterId);
    }

    [Fact]
    public async Task Several_dead_letters_are_shown_on_the_page_and_replayed_or_discarded_at_once_without_script()
    {
        app.Fault.Broken = true;
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var labels = ids.Select(id => $"seite-{id:N}").ToArray();
        await app.TrackAllowingFailuresAsync(async () =>
        {
            for (var i = 0; i < ids.Length; i++)
            {
                await app.PublishPoisonedAsync(ids[i], labels[i]);
            }
        });
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var dead = new List<Guid>();
        foreach (var id in ids)
        {
            dead.Add((await DeadLetterAsync(admin, id)).GetProperty("id").GetGuid());
        }

        var page = await admin.GetStringAsync("/Verwaltung/Nachrichten");
        Assert.Contains("<h2 id=\"unzustellbar\">Unzustellbare Nachrichten</h2>", page, StringComparison.Ordinal);
        Assert.Contains("Der Partnerdienst antwortet nicht", page, StringComparison.Ordinal);
        Assert.Contains(ProbePoisoned.MessageName, page, StringComparison.Ordinal);
        Assert.All(dead, d => Assert.Contains($"name=\"ids\" value=\"{d}\"", page, StringComparison.Ordinal));
        Assert.Contains(ids[0].ToString(), page, StringComparison.Ordinal);
        Assert.Contains("poisonedprobehandler", page, StringComparison.Ordinal);

        app.Fault.Broken = false;
        var replayed = await admin.SubmitFormAsync("/Verwaltung/Nachrichten",
            [new("ids", dead[0].ToString()), new("ids", dead[1].ToString())], "/Verwaltung/Nachrichten?handler=Replay");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("2 Nachrichten werden erneut zugestellt.", await admin.GetStringAsync("/Verwaltung/Nachrichten"), StringComparison.Ordinal);
        var discarded = await admin.SubmitFormAsync("/Verwaltung/Nachrichten",
            [new("ids", dead[2].ToString())], "/Verwaltung/Nachrichten?handler=Discard");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Contains("1 Nachricht wurde verworfen.", await admin.GetStringAsync("/Verwaltung/Nachrichten"), StringComparison.Ordinal);

        await Eventually.UntilAsync(
            async () => await app.DeliveriesAsync(nameof(PoisonedProbeHandler), labels[0]) + await app.DeliveriesAsync(nameof(PoisonedProbeHandler), labels[1]),
            n => n >= 2, "both replayed messages to be handled");
        await Eventually.UntilAsync(() => app.StoredEnvelopesAsync(ProbePoisoned.MessageName, "Incoming"), n => n == 0, "nothing left to deliver");
        Assert.Equal(1, await app.DeliveriesAsync(nameof(PoisonedProbeHandler), labels[0]));
        Assert.Equal(1, await app.DeliveriesAsync(nameof(PoisonedProbeHandler), labels[1]));
        Assert.Equal(0, await app.DeliveriesAsync(nameof(PoisonedProbeHandler), labels[2]));
        var left = await DeadLettersAsync(admin);
        Assert.DoesNotContain(left, d => dead.Contains(d.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Replaying_or_discarding_many_by_id_through_the_API_answers_which_were_dead_letters()
    {
        app.Fault.Broken = true;
        var messageId = Guid.NewGuid();
        await app.TrackAllowingFailuresAsync(() => app.PublishPoisonedAsync(messageId, $"api-{messageId:N}"));
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var dead = (await DeadLetterAsync(admin, messageId)).GetProperty("id").GetGuid();
        var unknown = Guid.NewGuid();

        var discard = await admin.PostAsJsonAsync("/api/admin/messages/dead-letters/discard", new { ids = new[] { dead, unknown } });
        var outcome = await discard.Content.ReadFromJsonAsync<JsonElement>();
        var nothing = await admin.PostAsJsonAsync("/api/admin/messages/dead-letters/replay", new { ids = new[] { dead } });

        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        Assert.Equal(dead, Assert.Single(outcome.GetProperty("done").EnumerateArray()).GetGuid());
        Assert.Equal(unknown, Assert.Single(outcome.GetProperty("notFound").EnumerateArray()).GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.DoesNotContain(await DeadLettersAsync(admin), d => d.GetProperty("id").GetGuid() == dead);
    }

    [Fact]
    public async Task The_message_admin_is_for_coordination_only()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/api/admin/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await caseManager.PostAsJsonAsync("/api/admin/messages/dead-letters/replay", new { ids = new[] { Guid.NewGuid() } })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/messages")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await caseManager.GetAsync("/Verwaltung/Nachrichten")).StatusCode);
    }

    [Fact]
    public async Task Each_queue_shows_what_it_handles_and_how_many_messages_are_queued_and_handled()
    {
        app.Fault.Broken = false;
        await app.TrackAsync(() => app.PublishPoisonedAsync(Guid.NewGuid(), $"zaehlen-{Guid.NewGuid():N}"));
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/messages");

        var witness = body.GetProperty("queues").EnumerateArray()
            .Single(q => q.GetProperty("queue").GetString()!.EndsWith("poisonwitnesshandler", StringComparison.Ordinal));
        var handler = Assert.Single(witness.GetProperty("handlers").EnumerateArray());
        Assert.Equal(ProbePoisoned.MessageName, handler.GetProperty("message").GetProperty("wireName").GetString());
        Assert.True(witness.GetProperty("handled").GetInt32() >= 1);
        Assert.Equal(0, witness.GetProperty("queued").GetInt32());
        Assert.Equal(0, witness.GetProperty("deadLetters").GetInt32());
    }

    private static async Task<List<JsonElement>> DeadLettersAsync(HttpClient admin)
    {
        var body = await admin.GetFromJsonAsync<JsonElement>("/api/admin/messages");
        return [.. body.GetProperty("deadLetters").EnumerateArray()];
    }

    private static Task<JsonElement> DeadLetterAsync(HttpClient admin, Guid messageId)
        => Eventually.UntilAsync(
            async () => (await DeadLettersAsync(admin)).FirstOrDefault(d => d.GetProperty("payload").GetString()!.Contains(messageId.ToString(), StringComparison.Ordinal)),
            d => d.ValueKind == JsonValueKind.Object,
            $"the dead letter of {messageId}");
}
