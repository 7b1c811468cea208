using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Opening;

public sealed class OpenCaseTests(QpApp app) : IClassFixture<QpApp>
{
    private const string Cases = "/api/case-management/cases";

    [Fact]
    public async Task Opening_a_case_without_the_consent_to_store_data_is_refused_naming_the_consent()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync();

        var problem = await (await client.PostAsJsonAsync(Cases, new { residentId })).ProblemAsync(HttpStatusCode.BadRequest);
        var page = await (await client.GetAsync($"/CaseManagement/Faelle/Neu?bewohner={residentId}")).HtmlAsync();

        Assert.StartsWith("Es fehlt die Einwilligung „Daten speichern“.", problem.FieldMessages("consent")[0], StringComparison.Ordinal);
        Assert.Contains("Es fehlt die Einwilligung „Daten speichern“.", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Cases.CountAsync(c => c.ResidentId == residentId)));
    }

    [Fact]
    public async Task A_withdrawn_consent_to_store_data_no_longer_allows_opening_a_case()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync();
        var consentId = await client.GiveStoreDataConsentAsync(residentId);
        await client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{residentId}/consents/{consentId}/withdraw", new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true });

        var problem = await (await client.PostAsJsonAsync(Cases, new { residentId })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("„Daten speichern“", problem.FieldMessages("consent")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opened_case_is_numbered_open_owned_by_the_opener_and_in_the_residents_quartier()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement, "Olaf Offen");
        var client = await app.SignedInClientAsync(user);
        var residentId = await client.CreateResidentAsync(quartier: "Hartha");
        await client.GiveStoreDataConsentAsync(residentId);

        var (caseId, number) = await client.OpenCaseAsync(residentId);

        Assert.Matches("^F-2026-[0-9]{4}$", number);
        var stored = await app.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Equal((CaseStatus.Open, user.Id, "Olaf Offen", "Hartha"), (stored.Status, stored.CaseManagerId, stored.CaseManagerName, stored.Quartier));
        Assert.Equal(new LocalDate(2026, 3, 2), stored.OpenedOn);
        Assert.Equal(stored.OpenedOn, stored.LastContactOn);
        Assert.Null(stored.DeputyId);
    }

    [Fact]
    public async Task A_deputy_chosen_from_the_case_managers_may_see_the_case_under_the_name_of_the_staff_directory()
    {
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement, "Vera Vertretung");
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await owner.CreateResidentAsync();
        await owner.GiveStoreDataConsentAsync(residentId);

        var (caseId, _) = await owner.OpenCaseAsync(residentId, new { residentId, deputyId = deputy.Id });

        var deputyClient = await app.SignedInClientAsync(deputy);
        Assert.Equal(HttpStatusCode.OK, (await deputyClient.GetAsync($"{Cases}/{caseId}/audit")).StatusCode);
        var candidates = await (await owner.GetAsync("/api/case-management/deputy-candidates")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(candidates.EnumerateArray(), c => c.GetProperty("id").GetGuid() == deputy.Id && c.GetProperty("displayName").GetString() == "Vera Vertretung");
        Assert.Equal("Vera Vertretung", (await app.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).SingleAsync())).DeputyName);
    }

    [Theory]
    [InlineData("""{}""", "residentId", "Bitte wählen Sie die Bewohnerin bzw. den Bewohner.")]
    [InlineData("""{"residentId":"abc"}""", "residentId", "Der Wert hat ein ungültiges Format oder ist nicht erlaubt.")]
    [InlineData("""{"residentId":"7d3c7a5e-0000-4000-8000-000000000001"}""", "residentId", "Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.")]
    public async Task Bad_input_to_open_a_case_is_a_400_with_a_German_field_message(string json, string field, string message)
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var before = await app.QueryAsync(db => db.Cases.CountAsync());

        var response = await client.PostAsync(Cases, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(message, (await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldMessages(field));
        Assert.Equal(before, await app.QueryAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task Opening_on_the_page_leads_to_the_case_overview()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync();
        await client.GiveStoreDataConsentAsync(residentId);

        var response = await client.SubmitFormAsync($"/CaseManagement/Faelle/Neu?bewohner={residentId}", [new("DeputyId", "")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var caseId = await app.QueryAsync(db => db.Cases.Where(c => c.ResidentId == residentId).Select(c => c.Id).SingleAsync());
        Assert.Equal($"/CaseManagement/Faelle/{caseId}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_second_open_case_for_a_resident_needs_a_reason_which_stands_in_the_protocol()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (residentId, _) = await client.ResidentWithCaseAsync("Zweitfall");
        var firstNumber = await app.QueryAsync(db => db.Cases.Where(c => c.ResidentId == residentId).Select(c => c.Number).SingleAsync());

        var refused = await (await client.PostAsJsonAsync(Cases, new { residentId })).ProblemAsync(HttpStatusCode.BadRequest);
        var blank = await (await client.PostAsJsonAsync(Cases, new { residentId, secondCaseReason = "   " })).ProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await client.PostAsJsonAsync(Cases, new { residentId, secondCaseReason = new string('x', 1001) })).ProblemAsync(HttpStatusCode.BadRequest);
        var pageRefusal = await (await client.SubmitFormAsync($"/CaseManagement/Faelle/Neu?bewohner={residentId}", ("DeputyId", ""))).HtmlAsync();

        Assert.Contains($"ist schon ein Fall offen ({firstNumber}). Ein zweiter offener Fall braucht eine Begründung", refused.FieldMessages("secondCaseReason")[0], StringComparison.Ordinal);
        Assert.NotEmpty(blank.FieldMessages("secondCaseReason"));
        Assert.Equal("Die Begründung darf höchstens 1000 Zeichen lang sein (jetzt: 1001).", tooLong.FieldMessages("secondCaseReason")[0]);
        Assert.Contains("Begründung für einen zweiten offenen Fall", pageRefusal, StringComparison.Ordinal);
        Assert.Contains("Ein zweiter offener Fall braucht eine Begründung", pageRefusal, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Cases.CountAsync(c => c.ResidentId == residentId)));

        var (secondId, _) = await client.OpenCaseAsync(residentId, new { residentId, secondCaseReason = "Neuer Anlass: Wohnungsräumung, eigener Fall beim Sozialamt." });

        var protocol = await (await client.GetAsync($"{Cases}/{secondId}/audit")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(protocol.GetProperty("entries").EnumerateArray(), e => e.GetProperty("description").GetString()!
            .EndsWith($"neben dem offenen Fall {firstNumber}. Begründung: Neuer Anlass: Wohnungsräumung, eigener Fall beim Sozialamt.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_case_needs_no_reason_for_the_next_one()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (residentId, firstId) = await client.ResidentWithCaseAsync("Folgefall");
        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            var first = (await session.LoadAsync<Case>(firstId))!;
            first.Status = CaseStatus.Closed;
            session.Update(first);
            await session.SaveChangesAsync();
        });

        await client.OpenCaseAsync(residentId);

        Assert.Equal(2, await app.QueryAsync(db => db.Cases.CountAsync(c => c.ResidentId == residentId)));
    }
}
