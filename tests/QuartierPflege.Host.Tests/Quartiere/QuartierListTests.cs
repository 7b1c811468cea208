using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Quartiere;

/// <summary>The managed list of Quartiere: coordination keeps it, everybody chooses from it.</summary>
public sealed class QuartierListTests(QpApp app) : IClassFixture<QpApp>
{
    private const string Api = "/api/quartiere";

    private static async Task<JsonElement> EntryAsync(HttpClient client, string name)
        => (await client.GetFromJsonAsync<JsonElement>(Api)).EnumerateArray().Single(q => q.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Coordination_adds_a_Quartier_its_neighbours_learn_of_it_and_a_second_spelling_is_refused()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var added = await coordination.PostAsJsonAsync(Api, new { name = "Leisnig", neighbours = new[] { "Hartha" } });
        var twice = await coordination.PostAsJsonAsync(Api, new { name = "Döbeln Nord", neighbours = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Contains("Leisnig", (await EntryAsync(coordination, "Hartha")).GetProperty("neighbours").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Ein Quartier „Döbeln-Nord“ gibt es schon.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_Quartier_can_no_longer_be_chosen_for_a_resident_and_the_form_offers_only_the_list()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        Assert.Equal(HttpStatusCode.Created, (await coordination.PostAsJsonAsync(Api, new { name = "Roßwein", neighbours = Array.Empty<string>() })).StatusCode);
        var version = (await EntryAsync(coordination, "Roßwein")).GetProperty("version").GetInt32();

        var retired = await coordination.PutAsJsonAsync($"{Api}/Ro%C3%9Fwein", new { neighbours = Array.Empty<string>(), active = false, version });
        var stale = await coordination.PutAsJsonAsync($"{Api}/Ro%C3%9Fwein", new { neighbours = Array.Empty<string>(), active = true, version });
        var resident = await caseManager.PostAsJsonAsync("/api/case-management/residents", new
        {
            firstName = "Ida", lastName = "Roß", dateOfBirth = "1940-01-01", street = "Markt", houseNumber = "1",
            postalCode = "04741", city = "Roßwein", quartier = "Roßwein", careLevel = "None",
        });
        var form = await caseManager.GetStringAsync("/CaseManagement/Bewohner/Neu");

        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, resident.StatusCode);
        Assert.Contains("Bitte wählen Sie ein Quartier aus der Liste (die Koordination pflegt sie).", await resident.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<option value=\"Döbeln-Nord\">Döbeln-Nord</option>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Roßwein</option>", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_coordination_maintains_the_list_and_its_page()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsJsonAsync(Api, new { name = "Waldheim" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await caseManager.GetAsync("/Verwaltung/Quartiere")).StatusCode);
        var page = await coordination.GetStringAsync("/Verwaltung/Quartiere");
        Assert.Contains("<h1>Quartiere verwalten</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Großweitzschen", page, StringComparison.Ordinal);
    }
}
