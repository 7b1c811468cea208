using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

public sealed class DashboardTests(QpApp app) : IClassFixture<QpApp>
{
    private static string[] Names(JsonElement dashboard, string list = "cases")
        => [.. dashboard.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("residentName").GetString()!)];

    [Fact]
    public async Task A_case_manager_sees_own_and_deputised_open_cases_but_not_closed_or_others()
    {
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        var colleague = await app.CreateUserAsync(Roles.Fallmanagement, "Karin Kollegin");
        await app.CreateCaseAsync(me, "Anna", "Eigene");
        await app.CreateCaseAsync(colleague, "Bernd", "Vertreten", deputy: me);
        await app.CreateCaseAsync(me, "Clara", "Geschlossen", status: CaseStatus.Closed);
        await app.CreateCaseAsync(colleague, "Dieter", "Fremd");
        var client = await app.SignedInClientAsync(me);

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard");

        Assert.Equal(["Anna Eigene", "Bernd Vertreten"], Names(dashboard).Order());
        var deputised = dashboard.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("residentName").GetString() == "Bernd Vertreten");
        Assert.True(deputised.GetProperty("iAmDeputy").GetBoolean());
        var page = await client.GetStringAsync("/CaseManagement");
        Assert.Contains("Karin Kollegin (Sie vertreten)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dieter Fremd", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_quartier_and_status_and_finds_residents_by_part_of_the_name_in_any_case()
    {
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        await app.CreateCaseAsync(me, "Erika", "Müller", quartier: "Schneeberg-Mitte");
        await app.CreateCaseAsync(me, "Hans", "Schmüller", quartier: "Döbeln-Nord", status: CaseStatus.InProgress);
        await app.CreateCaseAsync(me, "Ilse", "Wagner", quartier: "Döbeln-Nord", status: CaseStatus.Dormant);
        var client = await app.SignedInClientAsync(me);

        var byQuartier = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=D%C3%B6beln-Nord");
        var byStatus = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?status=Dormant");
        var byName = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?search=M%C3%9CLL");
        var combined = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?search=mül&quartier=D%C3%B6beln-Nord&status=InProgress");
        var literalPercent = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?search=%25");

        Assert.Equal(["Hans Schmüller", "Ilse Wagner"], Names(byQuartier).Order());
        Assert.Equal(["Ilse Wagner"], Names(byStatus));
        Assert.Equal(["Erika Müller", "Hans Schmüller"], Names(byName).Order());
        Assert.Equal(["Hans Schmüller"], Names(combined));
        Assert.Empty(Names(literalPercent));
        Assert.Equal(["Döbeln-Nord", "Schneeberg-Mitte"], byName.GetProperty("quartiere").EnumerateArray().Select(q => q.GetString()));
        var page = await client.GetStringAsync("/CaseManagement?search=wag");
        Assert.Contains("Ilse Wagner", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Erika Müller</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_name_search_finds_a_case_from_a_misspelt_name()
    {
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        await app.CreateCaseAsync(me, "Erika", "Schmidt");
        await app.CreateCaseAsync(me, "Ilse", "Wagner");
        var client = await app.SignedInClientAsync(me);

        var typo = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?search=Schmitt");

        Assert.Equal(["Erika Schmidt"], Names(typo));
    }

    [Fact]
    public async Task The_list_is_paged_by_25_with_page_links_that_keep_the_filter()
    {
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        for (var i = 0; i < 30; i++)
        {
            await app.CreateCaseAsync(me, "Person", $"Nummer{i:00}", quartier: "Paging", lastContactOn: CaseTestData.Today.PlusDays(-i));
        }

        var client = await app.SignedInClientAsync(me);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Paging");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Paging&page=2");
        var html = await client.GetStringAsync("/CaseManagement?quartier=Paging");

        Assert.Equal(30, first.GetProperty("totalCases").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(25, first.GetProperty("cases").GetArrayLength());
        Assert.Equal("Person Nummer29", Names(first)[0]);
        Assert.Equal(["Person Nummer04", "Person Nummer03", "Person Nummer02", "Person Nummer01", "Person Nummer00"], Names(second));
        Assert.Contains("href=\"/CaseManagement?quartier=Paging&amp;page=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_follow_ups_are_listed_but_not_done_ones_or_those_due_today()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(me, "Otto", "Überfällig", quartier: "Overdue");
        var client = await app.SignedInClientAsync(me);
        var url = $"/api/case-management/cases/{@case.Id}/follow-ups";
        await client.PostAsJsonAsync(url, new { dueOn = "2026-02-25", title = "Rückruf Hausarzt" });
        await client.PostAsJsonAsync(url, new { dueOn = "2026-03-02", title = "Heute fällig" });
        var done = await (await client.PostAsJsonAsync(url, new { dueOn = "2026-02-20", title = "Schon erledigt" })).Content.ReadFromJsonAsync<JsonElement>();
        await client.PutAsJsonAsync($"{url}/{done.GetProperty("id").GetGuid()}/done", new { done = true });

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Overdue");
        var page = await client.GetStringAsync("/CaseManagement?quartier=Overdue");

        var overdue = dashboard.GetProperty("overdue");
        Assert.Equal(1, overdue.GetProperty("total").GetInt32());
        var item = overdue.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Rückruf Hausarzt", item.GetProperty("title").GetString());
        Assert.Equal("Wiedervorlage", item.GetProperty("kind").GetString());
        Assert.Contains("fällig seit 25.02.2026", page, StringComparison.Ordinal);
        Assert.Equal("2026-02-25", dashboard.GetProperty("cases")[0].GetProperty("nextFollowUpOn").GetString());
    }

    [Fact]
    public async Task Cases_without_contact_for_14_days_are_flagged_as_the_clock_moves_on()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var me = await app.CreateUserAsync(Roles.Fallmanagement);
        await app.CreateCaseAsync(me, "Paula", "Still", quartier: "Silent", lastContactOn: new LocalDate(2026, 2, 16));
        await app.CreateCaseAsync(me, "Rudi", "Rege", quartier: "Silent", lastContactOn: new LocalDate(2026, 2, 20));
        var client = await app.SignedInClientAsync(me);

        var today = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Silent");
        app.Clock.Advance(Duration.FromDays(4));
        client = await app.SignedInClientAsync(me); // the old sign-in has expired by then
        var later = await client.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Silent");
        var page = await client.GetStringAsync("/CaseManagement?quartier=Silent");
        app.Clock.Reset(QpApp.DefaultStart);

        Assert.Equal(["Paula Still"], Names(today.GetProperty("noContact")));
        Assert.Equal(14, today.GetProperty("noContactDays").GetInt32());
        Assert.Equal(["Paula Still", "Rudi Rege"], Names(later.GetProperty("noContact")));
        Assert.Contains("seit 18 Tagen kein Kontakt", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_sees_every_case_manager_s_cases()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        await app.CreateCaseAsync(manager, "Sonja", "Sichtbar", quartier: "Koordination");
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var dashboard = await coordination.GetFromJsonAsync<JsonElement>("/api/case-management/dashboard?quartier=Koordination");

        Assert.Equal(["Sonja Sichtbar"], Names(dashboard));
    }

    [Fact]
    public async Task Bad_filters_are_a_400_with_field_messages_in_the_api_and_inline_on_the_page()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var page0 = await (await client.GetAsync("/api/case-management/dashboard?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badStatus = await (await client.GetAsync("/api/case-management/dashboard?status=Erledigt")).AssertProblemAsync(HttpStatusCode.BadRequest);
        var longSearch = await (await client.GetAsync("/api/case-management/dashboard?search=" + new string('x', 101))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var html = await client.GetAsync("/CaseManagement?status=Erledigt");

        Assert.Equal("Die Seite muss 1 oder größer sein.", page0.FieldMessage("page"));
        Assert.NotEmpty(badStatus.FieldMessage("status"));
        Assert.Equal("Der Suchbegriff darf höchstens 100 Zeichen lang sein.", longSearch.FieldMessage("search"));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("Bitte wählen Sie einen Status aus der Liste.", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
