using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Testing;

namespace QuartierPflege.Partners.Tests.Directory;

/// <summary>The directory on the demo network: search, editing with history, refusals of bad input, who may do what.</summary>
public sealed class PartnerDirectoryTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    /// <summary>As the API reads JSON: enums by name.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Finding_partners_filters_by_service_category_and_Quartier()
    {
        var nursing = await FindAsync(ServiceCategories.Pflegedienst, DemoPartners.Ost);
        var householdInHartha = await FindAsync(ServiceCategories.Haushaltshilfe, DemoPartners.Hartha);

        Assert.Equal(["Ambulante Pflege Sonnenschein"], nursing.Select(p => p.Name));
        Assert.Equal([DemoPartners.OnlyHouseholdHelpInHartha], householdInHartha.Select(p => p.Name));
    }

    [Fact]
    public async Task Free_text_search_stems_German_words_and_combines_with_language_and_capacity()
    {
        var byPlural = await SearchAsync(new PartnerSearch(Text: "Pflegedienste", Quartier: DemoPartners.Hartha, IncludeUnavailable: true));
        var russianNursing = await SearchAsync(new PartnerSearch(Text: "Pflegedienst", Language: "ru"));
        var full = await SearchAsync(new PartnerSearch(Capacity: PartnerCapacity.Full));

        Assert.Contains(byPlural, p => p.Name == "Diakonie-Sozialstation Hartha");
        Assert.Contains(byPlural, p => p.Name == "Ambulanter Pflegedienst Harthaer Land");
        Assert.Equal(["Pflegedienst Muldental gGmbH"], russianNursing.Select(p => p.Name));
        Assert.Equal(["Ambulanter Pflegedienst Harthaer Land"], full.Select(p => p.Name));
    }

    [Fact]
    public async Task Case_managers_search_on_the_page_and_through_the_API_and_volunteers_do_not()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);

        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Partners?kategorie=schuldnerberatung"));
        var api = await caseManager.GetFromJsonAsync<JsonElement>("/api/partners?text=Schuldnerberatung&quartier=Hartha");

        Assert.Contains("Schuldner- und Insolvenzberatung Mittelsachsen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Pflegedienst Muldental", page, StringComparison.Ordinal);
        Assert.Contains(api.EnumerateArray(), p => p.GetProperty("name").GetString() == "Schuldner- und Insolvenzberatung Mittelsachsen");
        Assert.Equal(HttpStatusCode.Redirect, (await volunteer.GetAsync("/Partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/partners")).StatusCode);
    }

    [Fact]
    public async Task Search_lists_accepting_partners_first_pages_through_the_rest_and_refuses_an_over_long_text()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var all = await SearchAsync(new PartnerSearch(Limit: 1000));
        var firstPage = await app.InScopeAsync(sp => sp.GetRequiredService<PartnerDirectory>().PageAsync(new PartnerSearch(), 1, 5, CancellationToken.None));
        var lastPage = await app.InScopeAsync(sp => sp.GetRequiredService<PartnerDirectory>().PageAsync(new PartnerSearch(), firstPage.PageCount, 5, CancellationToken.None));

        var tooLong = await caseManager.GetAsync("/api/partners?text=" + new string('p', PartnerDirectory.TextLimit + 1));
        var tooLongPage = WebUtility.HtmlDecode(await caseManager.GetStringAsync("/Partners?suche=" + new string('p', PartnerDirectory.TextLimit + 1)));

        Assert.Equal(all.OrderBy(p => p.Capacity).Select(p => p.Capacity), all.Select(p => p.Capacity));
        Assert.Equal(all.Count, firstPage.TotalCount);
        Assert.Equal(all.Take(5).Select(p => p.Name), firstPage.Items.Select(p => p.Name));
        Assert.Equal(all.Skip((firstPage.PageCount - 1) * 5).Select(p => p.Name), lastPage.Items.Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var errors = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Der Suchbegriff darf höchstens 200 Zeichen lang sein.", errors.GetProperty("text")[0].GetString());
        Assert.Contains("id=\"suche-error\">Der Suchbegriff darf höchstens 200 Zeichen lang sein.", tooLongPage, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", tooLongPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_creates_and_edits_a_partner_and_every_change_is_in_its_history()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var created = await coordination.PostAsJsonAsync("/api/partners", NewPartner("Nachbarschaftsladen Döbeln-Ost"), Json);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edited = await coordination.PutAsJsonAsync($"/api/partners/{id}", NewPartner("Nachbarschaftsladen Döbeln-Ost") with
        {
            Phone = "03431 999000",
            Languages = ["de", "uk"],
            Version = 1,
        }, Json);
        var invalid = await coordination.PutAsJsonAsync($"/api/partners/{id}", NewPartner("Nachbarschaftsladen Döbeln-Ost") with { Phone = "0", Version = 1 }, Json);
        var staleAgain = await coordination.PutAsJsonAsync($"/api/partners/{id}", NewPartner("Nachbarschaftsladen Döbeln-Ost") with { Phone = "03431 111111", Version = 1 }, Json);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleAgain.StatusCode);
        var partner = (await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/{id}")).GetProperty("partner");
        Assert.Equal("03431 999000", partner.GetProperty("phone").GetString());
        var history = partner.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("what").GetString(), h.GetProperty("after").GetString())).ToList();
        Assert.Contains(("Angelegt", "Nachbarschaftsladen Döbeln-Ost"), history);
        Assert.Contains(("Telefon", "03431 999000"), history);
        Assert.Contains(("Sprachen", "Deutsch, Ukrainisch"), history);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_German_field_messages_and_nothing_is_stored()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var bad = NewPartner("Falsch eingetragen e. V.") with
        {
            Email = "kein-at-zeichen",
            Phone = "anrufen!",
            Website = "ftp://beispiel",
            ServiceCategories = ["zauberei"],
            Quartiere = ["Döbeln-Mitte"],
            OpeningHours = new string('x', 1001),
            ContactPersons = [new ContactPersonInput("Frau Meier", null, null, "meier@", true)],
        };

        var response = await coordination.PostAsJsonAsync("/api/partners", bad, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _) && errors.TryGetProperty("quartiere[0]", out _), errors.ToString());
        Assert.Equal(ContactRules.EmailMessage, errors.GetProperty("email")[0].GetString());
        Assert.Equal(ContactRules.PhoneMessage, errors.GetProperty("phone")[0].GetString());
        Assert.Equal(ContactRules.WebsiteMessage, errors.GetProperty("website")[0].GetString());
        Assert.Equal("Diese Leistungsart gibt es nicht.", errors.GetProperty("serviceCategories[0]")[0].GetString());
        Assert.Equal("Das Quartier „Döbeln-Mitte“ steht nicht in der Liste der Quartiere.", errors.GetProperty("quartiere[0]")[0].GetString());
        Assert.Equal("Die Öffnungszeiten dürfen höchstens 1000 Zeichen lang sein.", errors.GetProperty("openingHours")[0].GetString());
        Assert.Equal(ContactRules.EmailMessage, errors.GetProperty("contactPersons[0].email")[0].GetString());
        Assert.Empty(await FindByNameAsync("Falsch eingetragen e. V."));
    }

    [Fact]
    public async Task The_edit_page_shows_inline_messages_and_a_focused_error_summary_and_stores_nothing()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var response = await coordination.SubmitFormAsync("/Partners/Bearbeiten",
            ("name", "Seitenpartner"), ("kind", "verein"), ("serviceCategories", "verein"), ("quartiere", "Hartha"),
            ("capacity", "Accepting"), ("email", "falsch@"), ("website", "www.ohne-schema.de"),
            ("contactPersons[0].name", ""), ("contactPersons[0].email", ""));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"field-error\" id=\"email-error\">{ContactRules.EmailMessage}</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"website-error\">", html, StringComparison.Ordinal);
        Assert.Empty(await FindByNameAsync("Seitenpartner"));
    }

    [Fact]
    public async Task Case_managers_read_partners_but_may_not_edit_them()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var someone = (await FindAsync(ServiceCategories.Sozialamt, null)).Single();

        var page = await caseManager.GetAsync($"/Partners/{someone.PartnerId}");
        var edit = await caseManager.PostAsJsonAsync("/api/partners", NewPartner("Darf nicht sein"), Json);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    [Fact]
    public async Task Seeding_the_demo_partners_again_adds_none_twice()
    {
        await app.SeedDemoDataAsync();

        var all = await FindAsync(null, null);

        Assert.Equal(all.Count, all.Select(p => p.Name).Distinct().Count());
        Assert.InRange(all.Count, 22, 30);
        Assert.Contains(all, p => p.Name == "Pflegestützpunkt Mittelsachsen");
    }

    [Fact]
    public async Task A_partner_is_found_by_its_id_with_its_referral_contact_and_an_unknown_id_finds_none()
    {
        var known = (await FindAsync(ServiceCategories.Sozialamt, null)).Single();

        var found = await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().GetAsync(known.PartnerId, CancellationToken.None));
        var unknown = await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().GetAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.Equal("Sozialamt Landkreis Mittelsachsen, Außenstelle Döbeln", found?.Name);
        Assert.Equal([ServiceCategories.Sozialamt], found?.ServiceCategories);
        Assert.Equal("sozialamt@lk-demo.de", found?.ReferralEmail);
        Assert.Null(unknown);
    }

    internal static SavePartnerRequest NewPartner(string name) => new(
        name, "verein", [ServiceCategories.Verein], [DemoPartners.Ost], "Straße 1, 04720 Döbeln", "03431 123456", "kontakt@beispiel.de",
        "https://beispiel.de", "Mo 9–12 Uhr", ["de"], [new ContactPersonInput("Frau Beispiel", "Leitung", null, "leitung@beispiel.de", true)],
        PartnerCapacity.Accepting);

    private Task<IReadOnlyList<PartnerListing>> FindAsync(string? category, string? quartier)
        => app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().FindPartnersAsync(category, quartier, CancellationToken.None));

    private Task<IReadOnlyList<PartnerListing>> SearchAsync(PartnerSearch search)
        => app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>().SearchAsync(search, CancellationToken.None));

    private Task<IReadOnlyList<string>> FindByNameAsync(string name)
        => app.InScopeAsync(sp => sp.GetRequiredService<IQuerySession>().Query<Domain.Partner>().Where(p => p.Name == name).Select(p => p.Name).ToListAsync());
}
