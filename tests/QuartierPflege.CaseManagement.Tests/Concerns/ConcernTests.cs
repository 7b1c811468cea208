using System.Net;
using System.Net.Http.Json;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Concerns;

public sealed class ConcernTests(QpApp app) : IClassFixture<QpApp>
{
    private const string Concerns = "/api/case-management/concerns";

    private static async Task<Guid> ReportAsync(HttpClient client, string description, string? name = "Frau Krause")
    {
        var response = await client.PostAsJsonAsync(Concerns, new { residentName = name, residentAddress = "Lindenstraße 3", description });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_volunteer_finds_the_report_page_in_the_navigation_reports_a_concern_and_is_thanked()
    {
        var volunteer = await app.CreateUserAsync(Roles.Ehrenamt, "Nele Nachbarin");
        var client = await app.SignedInClientAsync(volunteer);
        Assert.Contains("href=\"/CaseManagement/Hinweise/Melden\"", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var response = await client.SubmitFormAsync("/CaseManagement/Hinweise/Melden",
            ("Input.ResidentName", "Frau Kühn"), ("Input.ResidentAddress", "Am Markt 5"), ("Input.Description", "Öffnet seit drei Tagen nicht die Tür."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = await (await client.GetAsync(response.Headers.Location)).HtmlAsync();
        Assert.Contains("Vielen Dank für Ihren Hinweis!", thanks, StringComparison.Ordinal);
        var stored = await app.QueryAsync(db => db.Concerns.SingleAsync(c => c.ReportedBy == volunteer.Id));
        Assert.Equal(("Frau Kühn", "Am Markt 5", "Nele Nachbarin", ConcernStatus.Open), (stored.ResidentName, stored.ResidentAddress, stored.ReportedByName, stored.Status));
    }

    [Fact]
    public async Task A_concern_without_name_and_address_is_refused_on_the_page_and_in_the_api()
    {
        var client = await app.SignedInClientAsync(Roles.Ehrenamt);

        var html = await (await client.SubmitFormAsync("/CaseManagement/Hinweise/Melden",
            ("Input.ResidentName", ""), ("Input.ResidentAddress", " "), ("Input.Description", ""))).HtmlAsync();
        var problem = await (await client.PostAsJsonAsync(Concerns, new { description = new string('x', 4001) })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Bitte geben Sie den Namen oder die Adresse der Person an (oder beides).", Pages.FieldErrors(html));
        Assert.Contains("Bitte beschreiben Sie, was Ihnen aufgefallen ist.", Pages.FieldErrors(html));
        Assert.Equal(["Höchstens 4000 Zeichen erlaubt."], problem.FieldMessages("description"));
        Assert.NotEmpty(problem.FieldMessages("residentName"));
    }

    [Fact]
    public async Task Volunteers_may_report_but_not_see_the_queue_or_triage()
    {
        var client = await app.SignedInClientAsync(Roles.Ehrenamt);
        var id = await ReportAsync(client, "Briefkasten quillt über.");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Concerns)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{Concerns}/{id}/dismiss", new { reason = "egal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/CaseManagement/Hinweise")).StatusCode);
    }

    [Fact]
    public async Task The_queue_shows_open_concerns_oldest_first()
    {
        var reporter = await app.SignedInClientAsync(Roles.Ehrenamt);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var older = await ReportAsync(reporter, "Zuerst gemeldet.");
        app.Clock.Advance(Duration.FromMinutes(5));
        var newer = await ReportAsync(reporter, "Später gemeldet.");
        var dismissed = await ReportAsync(reporter, "Schon erledigt.");
        await caseManager.PostAsJsonAsync($"{Concerns}/{dismissed}/dismiss", new { reason = "Doppelt gemeldet" });

        var queue = await (await caseManager.GetAsync(Concerns)).JsonAsync(HttpStatusCode.OK);
        var ids = queue.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

        Assert.True(ids.IndexOf(older) < ids.IndexOf(newer) && ids.IndexOf(older) >= 0);
        Assert.DoesNotContain(dismissed, ids);
        var page = await (await caseManager.GetAsync("/CaseManagement/Hinweise")).HtmlAsync();
        Assert.True(page.IndexOf("Zuerst gemeldet.", StringComparison.Ordinal) < page.IndexOf("Später gemeldet.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dismissing_needs_a_reason_and_records_who_and_when()
    {
        var caseManager = await app.CreateUserAsync(Roles.Fallmanagement, "Tina Triage");
        var client = await app.SignedInClientAsync(caseManager);
        var id = await ReportAsync(client, "Unklare Meldung.");

        var refused = await (await client.PostAsJsonAsync($"{Concerns}/{id}/dismiss", new { reason = " " })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Bitte begründen Sie, warum der Hinweis verworfen wird."], refused.FieldMessages("reason"));
        var page = $"/CaseManagement/Hinweise/{id}";
        var done = await client.SubmitFormAsync(page, [new("Reason", "Person ist umgezogen.")], $"{page}?handler=Verwerfen");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var concern = await (await client.GetAsync($"{Concerns}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Dismissed", concern.GetProperty("status").GetString());
        Assert.Equal("Person ist umgezogen.", concern.GetProperty("dismissalReason").GetString());
        Assert.Equal("Tina Triage", concern.GetProperty("triagedByName").GetString());
        Assert.StartsWith("2026-03-02", concern.GetProperty("triagedAt").GetString(), StringComparison.Ordinal);
        var again = await client.PostAsJsonAsync($"{Concerns}/{id}/dismiss", new { reason = "nochmal" });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_concern_becomes_a_new_case_of_a_resident_found_by_search()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync("Gisela", "Hinweisreich");
        await client.GiveStoreDataConsentAsync(residentId);
        var concernId = await ReportAsync(client, "Wirkt verwirrt.", "Frau Hinweisreich");
        var triage = await (await client.GetAsync($"/CaseManagement/Hinweise/{concernId}?q=hinweisreich")).HtmlAsync();
        Assert.Contains($"/CaseManagement/Faelle/Neu?bewohner={residentId}&hinweis={concernId}", triage, StringComparison.Ordinal);

        var opened = await client.SubmitFormAsync($"/CaseManagement/Faelle/Neu?bewohner={residentId}&hinweis={concernId}", [new("DeputyId", "")]);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var caseId = Guid.Parse(opened.Headers.Location!.OriginalString.Split('/')[^1]);
        var concern = await app.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == concernId));
        Assert.Equal((ConcernStatus.TurnedIntoCase, caseId, residentId), (concern.Status, concern.CaseId, concern.ResidentId));
    }

    [Fact]
    public async Task A_resident_created_while_triaging_leads_straight_to_opening_the_case()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var concernId = await ReportAsync(client, "Neu im Haus, braucht Hilfe.");

        var created = await client.SubmitFormAsync($"/CaseManagement/Bewohner/Neu?hinweis={concernId}",
            ("Input.FirstName", "Olga"), ("Input.LastName", "Neuhaus"), ("Input.DateOfBirth", "1944-01-01"), ("Input.CareLevel", "None"),
            ("Input.Street", "Am Markt"), ("Input.HouseNumber", "5"), ("Input.PostalCode", "04720"), ("Input.City", "Döbeln"),
            ("Input.Quartier", "Döbeln-Zentrum"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"/CaseManagement/Faelle/Neu?bewohner=", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith($"&hinweis={concernId}", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_is_attached_to_an_own_case_but_not_to_a_case_the_person_cannot_see()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var other = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (_, caseId) = await owner.ResidentWithCaseAsync("Zuordnung");
        var concernId = await ReportAsync(other, "Sturz im Treppenhaus.");

        var refused = await (await other.PostAsJsonAsync($"{Concerns}/{concernId}/attach", new { caseId })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Der Fall wurde nicht gefunden."], refused.FieldMessages("caseId"));
        var malformed = await (await owner.PostAsync($"{Concerns}/{concernId}/attach",
            new StringContent("""{"caseId":"F-2026-0001"}""", System.Text.Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(malformed.FieldMessages("caseId"));
        var page = $"/CaseManagement/Hinweise/{concernId}";
        var attached = await owner.SubmitFormAsync(page, [new("CaseId", caseId.ToString())], $"{page}?handler=Zuordnen");

        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        var concern = await app.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == concernId));
        Assert.Equal((ConcernStatus.AttachedToCase, caseId), (concern.Status, concern.CaseId));
    }

    [Fact]
    public async Task A_concern_becomes_a_case_that_shows_its_text_after_the_consent_step_returned_to_the_opening()
    {
        var reporter = await app.SignedInClientAsync(Roles.Ehrenamt);
        var manager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var concernId = await ReportAsync(reporter, "Frau Krause wirkt seit Wochen verwirrt.", "Frau Hedwig Krause");

        var form = await (await manager.GetAsync($"/CaseManagement/Bewohner/Neu?hinweis={concernId}")).HtmlAsync();
        Assert.Contains("Frau Krause wirkt seit Wochen verwirrt.", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Lindenstraße\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Hedwig\"", form, StringComparison.Ordinal);
        var residentId = await manager.CreateResidentAsync("Hedwig", "Krause");
        var opening = $"/CaseManagement/Faelle/Neu?bewohner={residentId}&hinweis={concernId}";
        var withoutConsent = await (await manager.GetAsync(opening)).HtmlAsync();
        Assert.Contains($"/CaseManagement/Bewohner/{residentId}/Einwilligungen?zurueck={Uri.EscapeDataString(opening)}", withoutConsent, StringComparison.Ordinal);

        var consent = await manager.SubmitFormAsync($"/CaseManagement/Bewohner/{residentId}/Einwilligungen?zurueck={Uri.EscapeDataString(opening)}",
            [new("Input.Purpose", "StoreData"), new("Input.GivenOn", "2026-03-02"), new("Input.Form", "Written")],
            $"/CaseManagement/Bewohner/{residentId}/Einwilligungen?handler=Erteilen&zurueck={Uri.EscapeDataString(opening)}");
        Assert.Equal(opening, consent.Headers.Location!.OriginalString);
        var opened = await manager.SubmitFormAsync(opening, [new("DeputyId", "")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var overview = await (await manager.GetAsync(opened.Headers.Location)).HtmlAsync();
        var caseId = opened.Headers.Location!.OriginalString.Split('/')[^1];
        var journal = await (await manager.GetAsync($"/CaseManagement/Faelle/{caseId}/Journal")).HtmlAsync();
        foreach (var page in new[] { overview, journal })
        {
            Assert.Contains("Frau Krause wirkt seit Wochen verwirrt.", page, StringComparison.Ordinal);
            Assert.Contains("Hinweis, aus dem der Fall eröffnet wurde: gemeldet von", page, StringComparison.Ordinal);
        }
    }
}
