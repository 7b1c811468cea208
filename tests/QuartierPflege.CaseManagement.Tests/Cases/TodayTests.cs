using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

/// <summary>The "Heute" start page (the fake clock stands at 02.03.2026).</summary>
public sealed class TodayTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_case_manager_sees_what_is_due_today_and_overdue_silent_cases_and_new_concerns_with_counts()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        var colleague = await app.CreateUserAsync(Roles.Fallmanagement);
        var mine = await app.CreateCaseAsync(me, "Otto", "Heutig");
        var quiet = await app.CreateCaseAsync(me, "Paula", "Still", lastContactOn: CaseTestData.Today.PlusDays(-20));
        var theirs = await app.CreateCaseAsync(colleague, "Fritz", "Fremd");
        var client = await app.SignedInClientAsync(me);
        var other = await app.SignedInClientAsync(colleague);
        await client.PostAsJsonAsync($"/api/case-management/cases/{mine.Id}/follow-ups", new { dueOn = "2026-03-02", title = "Rückruf Tochter" });
        await client.PostAsJsonAsync($"/api/case-management/cases/{mine.Id}/follow-ups", new { dueOn = "2026-03-01", title = "Pflegekasse anrufen" });
        await client.PostAsJsonAsync($"/api/case-management/cases/{quiet.Id}/follow-ups", new { dueOn = "2026-03-03", title = "Erst morgen" });
        await other.PostAsJsonAsync($"/api/case-management/cases/{theirs.Id}/follow-ups", new { dueOn = "2026-03-01", title = "Nicht meins" });
        var reporter = await app.SignedInClientAsync(Roles.Ehrenamt);
        (await reporter.PostAsJsonAsync("/api/case-management/concerns", new { residentName = "Gerda Hinweis", description = "Frau Hinweis wirkt seit Tagen verwirrt." })).EnsureSuccessStatusCode();

        var today = await client.GetFromJsonAsync<JsonElement>("/api/case-management/today");
        var page = await client.GetStringAsync("/CaseManagement/Heute");

        var due = today.GetProperty("due");
        Assert.Equal(2, due.GetProperty("total").GetInt32());
        Assert.Equal(["Pflegekasse anrufen", "Rückruf Tochter"], due.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(1, today.GetProperty("noContact").GetProperty("total").GetInt32());
        Assert.True(today.GetProperty("concerns").GetProperty("total").GetInt32() >= 1);
        Assert.False(today.GetProperty("programme").GetBoolean());
        Assert.Empty(today.GetProperty("caseloads").EnumerateArray());
        Assert.Contains("<h1>Heute, 02.03.2026</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Rückruf Tochter</a> – Otto Heutig", page, StringComparison.Ordinal);
        Assert.Contains("heute fällig", page, StringComparison.Ordinal);
        Assert.Contains("überfällig seit gestern (01.03.2026)", page, StringComparison.Ordinal);
        Assert.Contains("letzter Kontakt 10.02.2026, vor 20 Tagen", page, StringComparison.Ordinal);
        Assert.Contains("Frau Hinweis wirkt seit Tagen verwirrt.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nicht meins", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Erst morgen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Offene Fälle je Fallverantwortliche:r", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_sees_the_caseload_per_case_manager_across_the_programme()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Carla Caseload");
        await app.CreateCaseAsync(manager, "Anna", "Eins");
        await app.CreateCaseAsync(manager, "Bert", "Zwei");
        await app.CreateCaseAsync(manager, "Cora", "Zu", status: QuartierPflege.CaseManagement.Domain.CaseStatus.Closed);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var today = await coordination.GetFromJsonAsync<JsonElement>("/api/case-management/today");
        var page = await coordination.GetStringAsync("/CaseManagement/Heute");

        Assert.True(today.GetProperty("programme").GetBoolean());
        var load = today.GetProperty("caseloads").EnumerateArray().Single(c => c.GetProperty("caseManagerId").GetGuid() == manager.Id);
        Assert.Equal(2, load.GetProperty("openCases").GetInt32());
        Assert.Equal("Carla Caseload", load.GetProperty("caseManagerName").GetString());
        Assert.Contains("Offene Fälle je Fallverantwortliche:r", page, StringComparison.Ordinal);
        Assert.Contains("Vermittlungen, die auf Antwort warten", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Fallmanagement, "/CaseManagement/Heute")]
    [InlineData(Roles.Koordination, "/CaseManagement/Heute")]
    [InlineData(Roles.Ehrenamt, "/")]
    public async Task Signing_in_without_a_requested_page_lands_on_the_role_s_start_page(string role, string start)
    {
        var user = await app.CreateUserAsync(role);
        var client = app.CreateBrowserLikeClient();

        var response = await client.SubmitFormAsync("/Anmelden", ("Input.Email", user.Email), ("Input.Password", TestUser.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(start, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Heute_is_for_case_work_only()
    {
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);

        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/case-management/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await volunteer.GetAsync("/CaseManagement/Heute")).StatusCode);
    }
}
