using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.CaseManagement.Features.Residents.Consents;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Consents;

public sealed class ConsentTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly Guid CareService = Guid.NewGuid();

    private Task<string?> MissingAsync(Guid residentId, ConsentPurpose purpose, Guid? partnerId = null, string? category = null)
        => app.InScopeAsync(services => services.GetRequiredService<ConsentCheck>()
            .MissingConsentAsync(residentId, purpose, partnerId, category, CancellationToken.None));

    [Fact]
    public async Task A_consent_given_covers_at_once_and_a_withdrawal_takes_effect_at_once()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync();
        Assert.Equal("Es fehlt die Einwilligung „Weitergabe an Netzwerkpartner“ (für Pflegedienst oder diesen Partner).",
            await MissingAsync(residentId, ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));

        var consentId = await client.GiveConsentAsync(residentId,
            new { purpose = "ShareWithPartners", serviceCategory = "pflegedienst", givenOn = "2026-03-02", form = "Electronic" });
        Assert.Null(await MissingAsync(residentId, ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));

        var withdrawn = await client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{residentId}/consents/{consentId}/withdraw", new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true });
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.NotNull(await MissingAsync(residentId, ConsentPurpose.ShareWithPartners, CareService, ServiceCategories.Pflegedienst));
    }

    [Fact]
    public async Task The_list_shows_who_recorded_and_who_withdrew_and_reading_it_is_audited()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement, "Gabi Genau");
        var client = await app.SignedInClientAsync(user);
        var residentId = await client.CreateResidentAsync();
        var partner = await client.GiveConsentAsync(residentId,
            new { purpose = "ShareWithPartners", partnerId = CareService, partnerName = "Pflegedienst Sonnenschein", givenOn = "2026-02-20", form = "VerbalWithWitness", witnessName = "Karl Zeuge" });
        await client.GiveStoreDataConsentAsync(residentId);
        await client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{residentId}/consents/{partner}/withdraw", new { withdrawnOn = "2026-03-02", form = "VerbalWithWitness", confirmed = true });

        var list = await (await client.GetAsync($"{CaseWorkApi.Residents}/{residentId}/consents")).JsonAsync(HttpStatusCode.OK);

        var consents = list.GetProperty("consents").EnumerateArray().ToList();
        Assert.Equal(["Daten speichern", "Weitergabe an Netzwerkpartner (Pflegedienst Sonnenschein)"], consents.Select(c => c.GetProperty("description").GetString()));
        Assert.False(consents[1].GetProperty("active").GetBoolean());
        Assert.Equal("Gabi Genau", consents[1].GetProperty("withdrawnByName").GetString());
        Assert.Equal("Karl Zeuge", consents[1].GetProperty("witnessName").GetString());
        Assert.Equal("Gabi Genau", consents[0].GetProperty("recordedByName").GetString());
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ResidentId == residentId && e.Description.StartsWith("Einwilligungen angesehen"))));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ResidentId == residentId && e.Description.StartsWith("Einwilligung widerrufen"))));
    }

    [Theory]
    [InlineData("""{"purpose":"StoreData","givenOn":"2026-03-03","form":"Written"}""", "givenOn", "Das Datum der Einwilligung darf nicht in der Zukunft liegen.")]
    [InlineData("""{"purpose":"StoreData","givenOn":"2026-03-01","form":"VerbalWithWitness"}""", "witnessName", "Bei einer mündlichen Einwilligung ist der Name der Zeugin bzw. des Zeugen erforderlich.")]
    [InlineData("""{"purpose":"StoreData","form":"Written"}""", "givenOn", "Bitte geben Sie an, wann die Einwilligung erteilt wurde.")]
    [InlineData("""{"givenOn":"2026-03-01","form":"Written"}""", "purpose", "Bitte wählen Sie, wofür die Einwilligung gilt.")]
    [InlineData("""{"purpose":"Alles","givenOn":"2026-03-01","form":"Written"}""", "purpose", "Der Wert hat ein ungültiges Format oder ist nicht erlaubt.")]
    [InlineData("""{"purpose":"ShareWithPartners","givenOn":"2026-03-01","form":"Written"}""", "serviceCategory", "Bitte wählen Sie entweder einen bestimmten Partner oder eine Leistungsart.")]
    [InlineData("""{"purpose":"ShareWithPartners","serviceCategory":"friseur","givenOn":"2026-03-01","form":"Written"}""", "serviceCategory", "Unbekannte Leistungsart. Möglich sind: pflegedienst, hausarzt, facharzt, haushaltshilfe, schuldnerberatung, sozialamt, pflegestuetzpunkt, beratungsstelle, wohnungsgenossenschaft, verein, apotheke, fahrdienst, tagespflege, besuchsdienst.")]
    [InlineData("""{"purpose":"ShareWithPartners","partnerId":"kein-guid","partnerName":"X","givenOn":"2026-03-01","form":"Written"}""", "partnerId", "Der Wert hat ein ungültiges Format oder ist nicht erlaubt.")]
    [InlineData("""{"purpose":"StoreData","serviceCategory":"pflegedienst","givenOn":"2026-03-01","form":"Written"}""", "serviceCategory", "Ein Partner oder eine Leistungsart gehört nur zur Weitergabe an Netzwerkpartner.")]
    public async Task A_bad_consent_is_refused_with_a_German_field_message_and_nothing_is_stored(string json, string field, string message)
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync();

        var response = await client.PostAsync($"{CaseWorkApi.Residents}/{residentId}/consents",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.FieldMessages(field));
        Assert.Equal(0, await app.QueryAsync(db => db.Consents.CountAsync(c => c.ResidentId == residentId)));
    }

    [Fact]
    public async Task A_consent_for_an_unknown_resident_is_404()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var response = await client.PostAsJsonAsync($"{CaseWorkApi.Residents}/{Guid.NewGuid()}/consents",
            new { purpose = "StoreData", givenOn = "2026-03-01", form = "Written" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task On_the_page_a_consent_is_given_and_withdrawn_with_its_date_and_form_after_a_confirmation()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Klick");
        var page = $"/CaseManagement/Bewohner/{residentId}/Einwilligungen";

        var given = await client.SubmitFormAsync(page, [
            new("Input.Purpose", "InvolveNeighbours"), new("Input.ServiceCategory", ""), new("Input.GivenOn", "01.03.2026"),
            new("Input.Form", "Written"), new("Input.WitnessName", "")], $"{page}?handler=Erteilen");
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        var consentId = await app.QueryAsync(db => db.Consents.Where(c => c.ResidentId == residentId).Select(c => c.Id).SingleAsync());
        Assert.Null(await MissingAsync(residentId, ConsentPurpose.InvolveNeighbours));
        Assert.Contains("Nachbarschaftshilfe einbeziehen", await (await client.GetAsync(page)).HtmlAsync(), StringComparison.Ordinal);

        var unconfirmed = await client.SubmitFormAsync(page, [new("consentId", consentId.ToString()), new("withdrawnOn", "2026-03-02"), new("withdrawalForm", "Written")], $"{page}?handler=Widerrufen");
        Assert.Contains("Bitte bestätigen Sie den Widerruf", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var withdrawn = await client.SubmitFormAsync(page, [new("consentId", consentId.ToString()), new("withdrawnOn", "2026-03-02"), new("withdrawalForm", "Written"), new("confirmed", "true")], $"{page}?handler=Widerrufen");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal("Es fehlt die Einwilligung „Nachbarschaftshilfe einbeziehen“.", await MissingAsync(residentId, ConsentPurpose.InvolveNeighbours));
        Assert.Contains("widerrufen am 02.03.2026 09:00 Uhr", await (await client.GetAsync(page)).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_page_a_verbal_consent_without_witness_shows_the_message_at_the_field()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Zeugenlos");
        var page = $"/CaseManagement/Bewohner/{residentId}/Einwilligungen";

        var html = await (await client.SubmitFormAsync(page, [
            new("Input.Purpose", "ContactRelatives"), new("Input.GivenOn", "2026-03-02"), new("Input.Form", "VerbalWithWitness"),
            new("Input.WitnessName", "")], $"{page}?handler=Erteilen")).HtmlAsync();

        Assert.Contains("Bei einer mündlichen Einwilligung ist der Name der Zeugin bzw. des Zeugen erforderlich.", Pages.FieldErrors(html));
        Assert.Equal(0, await app.QueryAsync(db => db.Consents.CountAsync(c => c.ResidentId == residentId)));
    }

    [Fact]
    public async Task As_a_case_tab_the_page_shows_the_case_tabs_and_is_hidden_from_other_case_managers()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var other = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (residentId, caseId) = await owner.ResidentWithCaseAsync("Reiter");
        var tab = $"/CaseManagement/Bewohner/{residentId}/Einwilligungen?fall={caseId}";

        var html = await (await owner.GetAsync(tab)).HtmlAsync();

        Assert.Contains("aria-label=\"Bereiche des Falls\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/CaseManagement/Faelle/{caseId}/Protokoll\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(tab)).StatusCode);
    }
}
