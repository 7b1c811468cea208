using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Features.Cases;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

public sealed class FollowUpTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_follow_up_is_added_and_marked_done_with_who_and_when()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Sabine Fuchs");
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var baseUrl = $"/api/case-management/cases/{@case.Id}/follow-ups";

        var created = await client.PostAsJsonAsync(baseUrl, new { dueOn = "2026-03-10", title = "Tochter wegen Pflegegrad anrufen", note = "Antrag liegt vor" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var done = await client.PutAsJsonAsync($"{baseUrl}/{id}/done", new { done = true });

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>(baseUrl);
        var item = list.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("2026-03-10", item.GetProperty("dueOn").GetString());
        Assert.True(item.GetProperty("done").GetBoolean());
        Assert.Equal("Sabine Fuchs", item.GetProperty("doneByName").GetString());
        Assert.Equal("2026-03-02T08:00:00Z", item.GetProperty("doneAt").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_german_field_messages_and_nothing_is_stored()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, openedOn: new LocalDate(2026, 2, 1));
        var client = await app.SignedInClientAsync(manager);
        var url = $"/api/case-management/cases/{@case.Id}/follow-ups";

        var beforeOpening = await (await client.PostAsJsonAsync(url, new { dueOn = "2026-01-31", title = "Zu früh" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var empty = await (await client.PostAsJsonAsync(url, new { title = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badDate = await (await client.PostAsJsonAsync(url, new { dueOn = "31.02.2026", title = "Datum" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var badDone = await (await client.PutAsJsonAsync($"{url}/{Guid.NewGuid()}/done", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        app.Clock.Reset(QpApp.DefaultStart);
        var tooFar = await (await client.PostAsJsonAsync(url, new { dueOn = "2028-03-03", title = "Tippfehler im Jahr" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Die Wiedervorlage kann nicht vor der Eröffnung des Falls (01.02.2026) liegen.", beforeOpening.FieldMessage("dueOn"));
        Assert.Equal("Bitte geben Sie an, wann die Wiedervorlage fällig ist.", empty.FieldMessage("dueOn"));
        Assert.Equal("Bitte geben Sie an, worum es geht.", empty.FieldMessage("title"));
        Assert.NotEmpty(badDate.FieldMessage("dueOn"));
        Assert.NotEmpty(badDone.FieldMessage("done"));
        Assert.Equal("Eine Wiedervorlage darf höchstens 2 Jahre in der Zukunft liegen (spätestens 02.03.2028).", tooFar.FieldMessage("dueOn"));
        Assert.Equal(0, await app.DbAsync(db => db.FollowUps.CountAsync(f => f.CaseId == @case.Id)));
    }

    [Fact]
    public async Task The_page_adds_a_follow_up_marks_it_done_and_shows_mistakes_inline()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var url = $"/CaseManagement/Faelle/{@case.Id}/Wiedervorlagen";

        var invalid = await client.SubmitFormAsync(url, ("Input.DueOn", "2026-03-09"), ("Input.Title", ""));
        var added = await client.SubmitFormAsync(url, ("Input.DueOn", "2026-03-09"), ("Input.Title", "Hausnotruf nachfragen"));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Bitte geben Sie an, worum es geht.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetStringAsync(url);
        Assert.Contains("Hausnotruf nachfragen", page, StringComparison.Ordinal);
        Assert.Contains("09.03.2026", page, StringComparison.Ordinal);

        var id = await app.DbAsync(db => db.FollowUps.Where(f => f.CaseId == @case.Id).Select(f => f.Id).SingleAsync());
        var done = await client.SubmitFormAsync(url, [new("done", "true")], $"{url}?handler=Done&followUpId={id}");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("erledigt von", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_case_manager_cannot_see_or_add_follow_ups()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var stranger = await app.SignedInClientAsync(Roles.Fallmanagement);

        await (await stranger.GetAsync($"/api/case-management/cases/{@case.Id}/follow-ups")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/case-management/cases/{@case.Id}/follow-ups", new { dueOn = "2026-03-10", title = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/CaseManagement/Faelle/{@case.Id}/Wiedervorlagen")).StatusCode);
    }
}
