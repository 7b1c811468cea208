using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

public sealed class JournalTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_contact_note_moves_the_last_contact_forward_but_never_back()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, lastContactOn: new LocalDate(2026, 2, 20));
        var client = await app.SignedInClientAsync(manager);
        var url = $"/api/case-management/cases/{@case.Id}/journal";

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { text = "Besuch, Frau M. geht es besser.", isContact = true, contactOn = "2026-03-01" })).StatusCode);
        Assert.Equal(new LocalDate(2026, 3, 1), (await app.ReloadCaseAsync(@case.Id)).LastContactOn);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { text = "Nachtrag: Telefonat vom Februar.", isContact = true, contactOn = "2026-02-25" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { text = "Akte geordnet.", isContact = false, contactOn = "2026-03-02" })).StatusCode);

        Assert.Equal(new LocalDate(2026, 3, 1), (await app.ReloadCaseAsync(@case.Id)).LastContactOn);
        var journal = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(3, journal.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task The_deputy_does_not_see_confidential_notes_on_page_or_api()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, deputy: deputy);
        var managerClient = await app.SignedInClientAsync(manager);
        var url = $"/api/case-management/cases/{@case.Id}/journal";
        await managerClient.PostAsJsonAsync(url, new { text = "Verdacht auf Alkoholproblem – vertraulich.", isConfidential = true });
        await managerClient.PostAsJsonAsync(url, new { text = "Einkaufshilfe angefragt.", isConfidential = false });

        var deputyClient = await app.SignedInClientAsync(deputy);
        var deputyApi = await deputyClient.GetFromJsonAsync<JsonElement>(url);
        var deputyPage = await deputyClient.GetStringAsync($"/CaseManagement/Faelle/{@case.Id}/Journal");
        var deputyOverview = await deputyClient.GetStringAsync($"/api/case-management/cases/{@case.Id}");
        var managerApi = await managerClient.GetFromJsonAsync<JsonElement>(url);

        Assert.Equal(["Einkaufshilfe angefragt."], deputyApi.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.DoesNotContain("Alkoholproblem", deputyPage, StringComparison.Ordinal);
        Assert.Contains("Einkaufshilfe angefragt.", deputyPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Alkoholproblem", deputyOverview, StringComparison.Ordinal);
        Assert.Equal(2, managerApi.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task The_deputy_cannot_write_a_confidential_note()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, deputy: deputy);
        var deputyClient = await app.SignedInClientAsync(deputy);

        var problem = await (await deputyClient.PostAsJsonAsync($"/api/case-management/cases/{@case.Id}/journal", new { text = "Geheim", isConfidential = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Vertretung", problem.FieldMessage("isConfidential"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_german_field_messages_in_api_and_page()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var url = $"/api/case-management/cases/{@case.Id}/journal";

        var noText = await (await client.PostAsJsonAsync(url, new { text = " ", isContact = true })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var future = await (await client.PostAsJsonAsync(url, new { text = "Termin", isContact = true, contactOn = "2026-03-05" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var page = await client.SubmitFormAsync($"/CaseManagement/Faelle/{@case.Id}/Journal",
            ("Input.Text", "Anruf"), ("Input.IsContact", "true"), ("Input.ContactOn", ""));

        Assert.Equal("Bitte schreiben Sie die Notiz.", noText.FieldMessage("text"));
        Assert.Equal("Bitte geben Sie an, an welchem Tag der Kontakt war.", noText.FieldMessage("contactOn"));
        Assert.Equal("Ein Kontakt kann nicht in der Zukunft liegen.", future.FieldMessage("contactOn"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Bitte geben Sie an, an welchem Tag der Kontakt war.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var journal = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(0, journal.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task A_note_written_on_the_page_appears_in_the_journal()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var url = $"/CaseManagement/Faelle/{@case.Id}/Journal";

        var saved = await client.SubmitFormAsync(url, ("Input.Text", "Hausbesuch vereinbart."), ("Input.IsContact", "false"), ("Input.ContactOn", "2026-03-02"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Hausbesuch vereinbart.", await client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_note_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var text = new string('x', 10_000);

        var api = await client.PostAsJsonAsync($"/api/case-management/cases/{@case.Id}/journal", new { text });
        var page = await client.SubmitFormAsync($"/CaseManagement/Faelle/{@case.Id}/Journal", ("Input.Text", text), ("Input.IsContact", "false"), ("Input.IsConfidential", "false"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Die Notiz darf höchstens 4000 Zeichen lang sein.", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Die Notiz darf höchstens 4000 Zeichen lang sein.", html, StringComparison.Ordinal);
        // The typed text stays in the form (nothing is lost), and the field has no maxlength that would cut a paste.
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("maxlength", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.DbAsync(db => Marten.QueryableExtensions.CountAsync(db.JournalNotes.Where(n => n.CaseId == @case.Id))));
    }
}
