using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Quartiere.Features.Activities;
using QuartierPflege.Quartiere.Features.Forum;
using QuartierPflege.Testing;

namespace QuartierPflege.Quartiere.Tests.Quartiersarbeit;

/// <summary>The Stadtteilforum, residents' groups and activities, on the demo programme.</summary>
public sealed class ForumAndActivitiesTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_forum_meetings_action_appears_in_the_open_actions_list_until_marked_done()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var meeting = new
        {
            quartier = "Hartha",
            date = "2026-02-26",
            place = "Begegnungsstätte am Markt",
            agenda = "Parkbänke",
            namedParticipants = new[] { "Hilde Brandt" },
            namesConsented = true,
            otherParticipants = 9,
            minutes = "Die Bänke am Markt fehlen.",
            actions = new[] { new { text = "Bänke bei der Stadt beantragen", owner = "Hilde Brandt", dueOn = "2026-03-20" } },
        };
        var created = await coordination.PostAsJsonAsync("/api/quartiere/forum/meetings", meeting);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var open = await OpenActionsAsync(caseManager);
        var action = Assert.Single(open, a => a.GetProperty("meetingId").GetGuid() == meetingId);
        Assert.Equal(("Bänke bei der Stadt beantragen", "Hilde Brandt", "2026-03-20"),
            (action.GetProperty("text").GetString(), action.GetProperty("owner").GetString(), action.GetProperty("dueOn").GetString()));
        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Quartiere/Forum"));
        Assert.Contains("Bänke bei der Stadt beantragen", page, StringComparison.Ordinal);

        var done = await coordination.PostAsJsonAsync($"/api/quartiere/forum/meetings/{meetingId}/actions/{action.GetProperty("actionId").GetGuid()}", new { done = true });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.DoesNotContain(await OpenActionsAsync(caseManager), a => a.GetProperty("meetingId").GetGuid() == meetingId);
        var minutes = await caseManager.GetFromJsonAsync<JsonElement>($"/api/quartiere/forum/meetings/{meetingId}");
        var kept = Assert.Single(minutes.GetProperty("actions").EnumerateArray());
        Assert.Equal("2026-03-02", kept.GetProperty("doneOn").GetString());
        Assert.Equal(10, minutes.GetProperty("participantCount").GetInt32());
    }

    [Fact]
    public async Task Residents_are_named_only_with_consent_and_a_refused_meeting_stores_nothing()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var before = await CountAsync<ForumMeeting>();

        var response = await coordination.PostAsJsonAsync("/api/quartiere/forum/meetings", new
        {
            quartier = "Hartha", date = "2026-02-26", place = "Markt", namedParticipants = new[] { "Hilde Brandt" }, namesConsented = false,
            actions = new[] { new { text = "", owner = "Hilde Brandt", dueOn = "2026-03-20" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("Bewohner:innen werden nur mit ihrer Einwilligung namentlich genannt.", errors.GetProperty("namesConsented")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Bitte beschreiben Sie die Vereinbarung.", errors.GetProperty("actions[0].text")[0].GetString());
        Assert.Equal(before, await CountAsync<ForumMeeting>());
    }

    [Fact]
    public async Task Coordination_edits_the_forum_and_groups_case_managers_read_and_volunteers_see_neither()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        var group = new { name = "Strickkreis Hartha", quartier = "Hartha", contactPerson = "Renate Busch", rhythm = "jeden 1. Mittwoch, 14 Uhr" };

        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsJsonAsync("/api/quartiere/groups", group)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await coordination.PostAsJsonAsync("/api/quartiere/groups", group)).StatusCode);
        var groups = await caseManager.GetFromJsonAsync<JsonElement>("/api/quartiere/groups");
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("name").GetString() == "Strickkreis Hartha" && g.GetProperty("rhythm").GetString() == "jeden 1. Mittwoch, 14 Uhr");
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("name").GetString() == "Seniorentreff Körnerplatz");
        var bad = await coordination.PostAsJsonAsync("/api/quartiere/groups", group with { quartier = "Atlantis", rhythm = "" });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Bitte wählen Sie ein Quartier aus der Liste.", errors.GetProperty("quartier")[0].GetString());
        Assert.True(errors.TryGetProperty("rhythm", out _));

        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsJsonAsync("/api/quartiere/forum/meetings", new { quartier = "Hartha" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/quartiere/forum/open-actions")).StatusCode);
        await Pages.AssertNoAccessAsync(volunteer, "/Quartiere/Forum");
        await Pages.AssertNoAccessAsync(caseManager, "/Quartiere/Forum/Treffen");

        // The demo forum: two meetings in Döbeln-Ost, one action done, one still open.
        var meetings = await caseManager.GetFromJsonAsync<JsonElement>("/api/quartiere/forum/meetings?quartier=Döbeln-Ost");
        var demo = meetings.EnumerateArray().Where(m => m.GetProperty("id").GetGuid() == DemoForum.FirstMeetingId || m.GetProperty("id").GetGuid() == DemoForum.SecondMeetingId).ToList();
        Assert.Equal(2, demo.Count);
        Assert.Contains(await OpenActionsAsync(caseManager), a => a.GetProperty("text").GetString() == DemoForum.OpenActionText);
    }

    [Fact]
    public async Task A_volunteer_signs_up_to_help_with_an_activity_coordination_sees_who_helps_and_the_volunteer_can_withdraw()
    {
        var volunteer = app.CreateBrowserLikeClient();
        var signIn = await volunteer.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Ehrenamt.Email, password = DemoAccounts.Password });
        Assert.True(signIn.IsSuccessStatusCode);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);

        var all = await volunteer.GetFromJsonAsync<JsonElement>("/api/quartiere/activities");
        Assert.True(all.GetArrayLength() >= 6);
        Assert.Equal(5, all.EnumerateArray().Select(a => a.GetProperty("quartier").GetString()).Distinct().Count());
        var cafe = all.EnumerateArray().First(a => a.GetProperty("title").GetString() == "Nachbarschaftscafé");
        Assert.Equal(JsonValueKind.Null, cafe.GetProperty("helpers").ValueKind);
        var ost = await volunteer.GetFromJsonAsync<JsonElement>("/api/quartiere/activities?quartier=Döbeln-Ost");
        Assert.All(ost.EnumerateArray(), a => Assert.Equal("Döbeln-Ost", a.GetProperty("quartier").GetString()));

        var id = cafe.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.PostAsync($"/api/quartiere/activities/{id}/helpers", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.PostAsync($"/api/quartiere/activities/{id}/helpers", null)).StatusCode);
        var seen = (await coordination.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal([DemoAccounts.Ehrenamt.DisplayName], seen.GetProperty("helpers").EnumerateArray().Select(h => h.GetString()));
        var byCaseManager = (await caseManager.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, byCaseManager.GetProperty("helperCount").GetInt32());
        Assert.True((await volunteer.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id).GetProperty("iHelp").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await volunteer.DeleteAsync($"/api/quartiere/activities/{id}/helpers")).StatusCode);
        seen = (await coordination.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Empty(seen.GetProperty("helpers").EnumerateArray());
    }

    [Fact]
    public async Task Coordination_adds_activities_with_a_cost_in_euro_and_bad_input_is_refused_without_storing()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var before = await CountAsync<Activity>();
        var bad = await coordination.PostAsJsonAsync("/api/quartiere/activities",
            new { quartier = "Hartha", title = "Kegeln", place = "Gasthof", when = "freitags", accessible = (bool?)null, cost = -1m });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Bitte geben Sie an, ob der Ort barrierefrei ist.", errors.GetProperty("accessible")[0].GetString());
        Assert.Equal("Die Kosten liegen zwischen 0 und 1000 Euro.", errors.GetProperty("cost")[0].GetString());
        Assert.Equal(before, await CountAsync<Activity>());

        var page = await coordination.SubmitFormAsync("/Quartiere/Angebote",
            [new("quartier", "Hartha"), new("title", "Kegeln"), new("place", "Gasthof Zur Linde"), new("when", "freitags 18 Uhr"), new("accessible", "false"), new("cost", "3,50")],
            "/Quartiere/Angebote?handler=Anlegen");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var list = WebUtility.HtmlDecode(await coordination.GetStringAsync("/Quartiere/Angebote?quartier=Hartha"));
        Assert.Contains("Kegeln", list, StringComparison.Ordinal);
        Assert.Contains("3,50\u00a0€", list, StringComparison.Ordinal);
        Assert.Contains("kostenlos", WebUtility.HtmlDecode(await coordination.GetStringAsync("/Quartiere/Angebote")), StringComparison.Ordinal);

        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/api/quartiere/activities")).StatusCode);
    }

    private static async Task<List<JsonElement>> OpenActionsAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/quartiere/forum/open-actions")).EnumerateArray()];

    private Task<int> CountAsync<T>()
        where T : notnull
        => app.InScopeAsync(s => s.GetRequiredService<IQuerySession>().Query<T>().CountAsync());
}
