using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.BuildingBlocks.Web;
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
    public async Task A_volunteer_sees_the_activities_of_their_own_Quartier_first_and_their_start_leads_there()
    {
        var volunteer = app.CreateBrowserLikeClient();
        Assert.True((await volunteer.PostAsJsonAsync("/api/auth/login", new { email = DemoAccounts.Ehrenamt.Email, password = DemoAccounts.Password })).IsSuccessStatusCode);
        // The demo volunteer (Gerda Schubert) lives in Döbeln-Nord, where the demo has the Handy-Sprechstunde.
        const string own = "Döbeln-Nord";

        var all = (await volunteer.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().ToList();
        var mine = all.TakeWhile(a => a.GetProperty("inOwnQuartier").GetBoolean()).ToList();
        Assert.Contains(mine, a => a.GetProperty("title").GetString() == "Handy-Sprechstunde");
        Assert.All(mine, a => Assert.Equal(own, a.GetProperty("quartier").GetString()));
        Assert.All(all.Skip(mine.Count), a => Assert.NotEqual(own, a.GetProperty("quartier").GetString()));
        Assert.Equal(5, all.Select(a => a.GetProperty("quartier").GetString()).Distinct().Count());

        var page = WebUtility.HtmlDecode(await volunteer.GetStringAsync("/Quartiere/Angebote"));
        var ownSection = page.IndexOf($"<h2 id=\"eigene\">In Ihrem Quartier {own} ({mine.Count})</h2>", StringComparison.Ordinal);
        var others = page.IndexOf($"<h2 id=\"weitere\">Weitere Quartiere ({all.Count - mine.Count})</h2>", StringComparison.Ordinal);
        Assert.True(ownSection >= 0 && others > ownSection, page);
        Assert.InRange(page.IndexOf("Handy-Sprechstunde", StringComparison.Ordinal), ownSection, others);
        Assert.True(page.IndexOf("Nachbarschaftscafé", StringComparison.Ordinal) > others);
        Assert.Contains($"<option value=\"{own}\">{own} (Ihr Quartier)</option>", page, StringComparison.Ordinal);
        var filtered = WebUtility.HtmlDecode(await volunteer.GetStringAsync("/Quartiere/Angebote?quartier=Hartha"));
        Assert.DoesNotContain("Handy-Sprechstunde", filtered, StringComparison.Ordinal);
        Assert.Contains("Mittagstisch", filtered, StringComparison.Ordinal);

        // Start page → own area → the activities.
        Assert.Contains("href=\"/Volunteers\"", await volunteer.GetStringAsync("/"), StringComparison.Ordinal);
        var area = WebUtility.HtmlDecode(await volunteer.GetStringAsync("/Volunteers"));
        Assert.Contains($"<a href=\"/Quartiere/Angebote\">Begegnungsangebote in Ihrem Quartier ({own}): ansehen und mithelfen</a>", area, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_manager_sees_the_activities_of_their_open_cases_Quartiere_first_and_coordination_one_list()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        await new CaseManagementApi(caseManager).OpenCaseForNeighbourHelpAsync("Großweitzschen");

        var all = (await caseManager.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray().ToList();
        var first = all.TakeWhile(a => a.GetProperty("inOwnQuartier").GetBoolean()).ToList();
        Assert.Contains(first, a => a.GetProperty("title").GetString() == "Spielenachmittag");
        Assert.All(first, a => Assert.Equal("Großweitzschen", a.GetProperty("quartier").GetString()));
        Assert.DoesNotContain(all.Skip(first.Count), a => a.GetProperty("inOwnQuartier").GetBoolean());
        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Quartiere/Angebote"));
        Assert.Contains($"<h2 id=\"eigene\">In den Quartieren Ihrer Fälle: Großweitzschen ({first.Count})</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Großweitzschen\">Großweitzschen (Ihre Fälle)</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Helfen", page, StringComparison.Ordinal);

        // A case manager without open cases and coordination see one list.
        var newcomer = await app.SignedInClientAsync(Roles.Fallmanagement);
        Assert.DoesNotContain((await newcomer.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray(), a => a.GetProperty("inOwnQuartier").GetBoolean());
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        Assert.DoesNotContain((await coordination.GetFromJsonAsync<JsonElement>("/api/quartiere/activities")).EnumerateArray(), a => a.GetProperty("inOwnQuartier").GetBoolean());
        Assert.Contains("<h2>Alle Quartiere (", WebUtility.HtmlDecode(await coordination.GetStringAsync("/Quartiere/Angebote")), StringComparison.Ordinal);
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

    [Fact]
    public async Task Coordination_adds_and_edits_a_group_through_the_pages_and_it_is_listed_under_its_Quartier()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var name = $"Skatrunde {Guid.NewGuid():N}";

        var form = await coordination.GetStringAsync("/Quartiere/Gruppen/Bearbeiten?quartier=Gro%C3%9Fweitzschen");
        Assert.Contains("<option value=\"Großweitzschen\" selected=\"selected\">", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        var created = await coordination.SubmitFormAsync("/Quartiere/Gruppen/Bearbeiten",
            ("name", name), ("quartier", "Großweitzschen"), ("contactPerson", "Horst Lehmann"), ("rhythm", "jeden Freitag, 19 Uhr"), ("place", "Gasthof Zum Hirsch"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Quartiere/Gruppen?quartier=Gro%C3%9Fweitzschen", created.Headers.Location?.OriginalString);
        var group = await GroupAsync(caseManager, "Großweitzschen", name);
        Assert.Equal(("Horst Lehmann", "jeden Freitag, 19 Uhr", "Gasthof Zum Hirsch"),
            (group.GetProperty("contactPerson").GetString(), group.GetProperty("rhythm").GetString(), group.GetProperty("place").GetString()));

        var id = group.GetProperty("id").GetGuid();
        var edited = await coordination.SubmitFormAsync($"/Quartiere/Gruppen/Bearbeiten?id={id}",
            ("name", name), ("quartier", "Hartha"), ("contactPerson", "Horst Lehmann"), ("rhythm", "jeden 1. Freitag, 19 Uhr"), ("place", ""),
            ("version", group.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var moved = await GroupAsync(caseManager, "Hartha", name);
        Assert.Equal("jeden 1. Freitag, 19 Uhr", moved.GetProperty("rhythm").GetString());
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("place").ValueKind);
        Assert.DoesNotContain((await caseManager.GetFromJsonAsync<JsonElement>("/api/quartiere/groups?quartier=Großweitzschen")).EnumerateArray(),
            g => g.GetProperty("id").GetGuid() == id);

        // The list: one section per Quartier; case managers read it, only coordination is offered editing.
        var list = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Quartiere/Gruppen"));
        var hartha = list.IndexOf("<h2 id=\"q-Hartha\">Hartha (", StringComparison.Ordinal);
        Assert.True(hartha > list.IndexOf("<h2 id=\"q-Döbeln-Zentrum\">Döbeln-Zentrum (", StringComparison.Ordinal), list);
        Assert.True(list.IndexOf(name, StringComparison.Ordinal) > hartha);
        Assert.Contains("Seniorentreff Körnerplatz", list, StringComparison.Ordinal);
        Assert.DoesNotContain("/Quartiere/Gruppen/Bearbeiten", list, StringComparison.Ordinal);
        var onlyHartha = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Quartiere/Gruppen?quartier=Hartha"));
        Assert.Contains(name, onlyHartha, StringComparison.Ordinal);
        Assert.DoesNotContain("Seniorentreff Körnerplatz", onlyHartha, StringComparison.Ordinal);
        Assert.Contains($"/Quartiere/Gruppen/Bearbeiten?id={id}", await coordination.GetStringAsync("/Quartiere/Gruppen?quartier=Hartha"), StringComparison.Ordinal);

        await Pages.AssertNoAccessAsync(caseManager, "/Quartiere/Gruppen/Bearbeiten");
        await Pages.AssertNoAccessAsync(caseManager, $"/Quartiere/Gruppen/Bearbeiten?id={id}");
        await Pages.AssertNoAccessAsync(await app.SignedInClientAsync(Roles.Ehrenamt), "/Quartiere/Gruppen");
    }

    [Fact]
    public async Task A_refused_group_form_shows_German_messages_at_the_fields_and_in_a_focused_summary_and_stores_nothing()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var before = await CountAsync<ResidentGroup>();

        var refused = await coordination.SubmitFormAsync("/Quartiere/Gruppen/Bearbeiten",
            ("name", "Lesekreis"), ("quartier", "Atlantis"), ("contactPerson", ""), ("rhythm", "montags"), ("place", new string('x', 201)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#quartier\">Bitte wählen Sie ein Quartier aus der Liste.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"contactPerson-fehler\">Bitte geben Sie die Kontaktperson an.</span>", html, StringComparison.Ordinal);
        Assert.Contains("Der Treffpunkt darf höchstens 200 Zeichen lang sein.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"contactPerson\" name=\"contactPerson\" value=\"\" data-max=\"200\" autocomplete=\"off\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Lesekreis\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync<ResidentGroup>());
    }

    [Fact]
    public async Task Saving_a_group_read_before_someone_elses_change_is_refused_with_the_German_conflict_message_and_keeps_the_other_change()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var name = $"Gartenfreunde {Guid.NewGuid():N}";
        var created = await coordination.PostAsJsonAsync("/api/quartiere/groups", new { name, quartier = "Döbeln-Nord", contactPerson = "Rita Maaß", rhythm = "samstags 10 Uhr" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = (await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/groups/{id}")).GetProperty("version").GetInt32();

        var other = await coordination.PutAsJsonAsync($"/api/quartiere/groups/{id}",
            new { name, quartier = "Döbeln-Nord", contactPerson = "Klaus Maaß", rhythm = "samstags 10 Uhr", version = read });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var stale = await coordination.PutAsJsonAsync($"/api/quartiere/groups/{id}",
            new { name, quartier = "Döbeln-Nord", contactPerson = "Rita Maaß", rhythm = "sonntags", version = read });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var page = await coordination.SubmitFormAsync($"/Quartiere/Gruppen/Bearbeiten?id={id}",
            ("name", name), ("quartier", "Döbeln-Nord"), ("contactPerson", "Rita Maaß"), ("rhythm", "sonntags 11 Uhr"),
            ("version", read.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"<li>{ApiProblems.ConcurrentEditMessage}</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"sonntags 11 Uhr\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Quartiere/Gruppen/Bearbeiten?id={id}\">Gespeicherten Stand neu laden", html, StringComparison.Ordinal);
        var kept = await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/groups/{id}");
        Assert.Equal(("Klaus Maaß", "samstags 10 Uhr", read + 1),
            (kept.GetProperty("contactPerson").GetString(), kept.GetProperty("rhythm").GetString(), kept.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Editing_a_forum_meeting_or_an_activity_read_before_someone_elses_change_is_a_409_with_the_German_message()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var meeting = new { quartier = "Hartha", date = "2026-02-20", place = "Rathaus", namesConsented = false, otherParticipants = 5 };
        var meetingId = (await (await coordination.PostAsJsonAsync("/api/quartiere/forum/meetings", meeting)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var meetingVersion = (await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/forum/meetings/{meetingId}")).GetProperty("version").GetInt32();
        var firstEdit = await coordination.PutAsJsonAsync($"/api/quartiere/forum/meetings/{meetingId}",
            new { meeting.quartier, meeting.date, meeting.place, meeting.namesConsented, otherParticipants = 6, version = meetingVersion });
        Assert.Equal(HttpStatusCode.OK, firstEdit.StatusCode);
        var staleMeeting = await coordination.PutAsJsonAsync($"/api/quartiere/forum/meetings/{meetingId}",
            new { meeting.quartier, meeting.date, place = "Schule", meeting.namesConsented, meeting.otherParticipants, version = meetingVersion });
        await AssertConflictAsync(staleMeeting);
        Assert.Equal("Rathaus", (await coordination.GetFromJsonAsync<JsonElement>($"/api/quartiere/forum/meetings/{meetingId}")).GetProperty("place").GetString());

        var activity = new { quartier = "Hartha", title = $"Boule {Guid.NewGuid():N}", place = "Stadtpark", when = "sonntags 15 Uhr", accessible = true, cost = 0m };
        var activityId = (await (await coordination.PostAsJsonAsync("/api/quartiere/activities", activity)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var activityVersion = (await coordination.GetFromJsonAsync<JsonElement>("/api/quartiere/activities?quartier=Hartha")).EnumerateArray()
            .Single(a => a.GetProperty("id").GetGuid() == activityId).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await coordination.PutAsJsonAsync($"/api/quartiere/activities/{activityId}", new { activity.quartier, activity.title, activity.place, when = "sonntags 16 Uhr", activity.accessible, activity.cost, version = activityVersion })).StatusCode);
        await AssertConflictAsync(await coordination.PutAsJsonAsync($"/api/quartiere/activities/{activityId}",
            new { activity.quartier, activity.title, activity.place, when = "samstags", activity.accessible, activity.cost, version = activityVersion }));
        Assert.Equal("sonntags 16 Uhr", (await coordination.GetFromJsonAsync<JsonElement>("/api/quartiere/activities?quartier=Hartha")).EnumerateArray()
            .Single(a => a.GetProperty("id").GetGuid() == activityId).GetProperty("when").GetString());
    }

    private static async Task AssertConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApiProblems.ConcurrentEditMessage, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> GroupAsync(HttpClient client, string quartier, string name)
        => Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/quartiere/groups?quartier={Uri.EscapeDataString(quartier)}")).EnumerateArray(),
            g => g.GetProperty("name").GetString() == name);

    private static async Task<List<JsonElement>> OpenActionsAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>("/api/quartiere/forum/open-actions")).EnumerateArray()];

    private Task<int> CountAsync<T>()
        where T : notnull
        => app.InScopeAsync(s => s.GetRequiredService<IQuerySession>().Query<T>().CountAsync());
}
