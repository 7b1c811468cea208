using System.Net;
using System.Text.Json;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Quartiere.Tests.Lagebild;

/// <summary>
/// The Quartier-Lagebild on the demo data, every figure checked against the source module's own tables (counted here
/// from the documents' JSON, not from the columns the modules' statistics read).
/// </summary>
public sealed class LagebildTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    private const string Ost = "Döbeln-Ost";

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_Lagebild_of_Doebeln_Ost_shows_loneliness_rising_with_one_visiting_service_and_no_free_visiting_hours_as_counted_in_the_modules()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);
        var response = await client.GetAsync($"/api/quartiere/lagebild/{Uri.EscapeDataString(Ost)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var picture = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var lonely = await ScalarAsync("""
            SELECT count(DISTINCT c.id) FROM case_management.mt_doc_case c
            JOIN case_management.mt_doc_problem_situation p ON (p.data ->> 'CaseId')::uuid = c.id
            WHERE c.data ->> 'Quartier' = @q AND c.data ->> 'Status' <> 'Closed' AND p.data ->> 'Kind' = 'Loneliness'
            """);
        var visitingPartners = await ScalarAsync("""
            SELECT count(*) FROM partners.mt_doc_partner WHERE data ->> 'Status' = 'Active' AND data ->> 'Capacity' = 'Accepting'
                AND data -> 'ServiceCategories' ? 'besuchsdienst' AND data -> 'Quartiere' ? @q
            """);
        var visitors = await ScalarAsync("""
            SELECT count(*) FROM volunteers.mt_doc_volunteer WHERE data ->> 'Quartier' = @q AND data ->> 'Status' = 'Confirmed'
                AND data -> 'ActiveRoles' ? 'besuchsdienst'
            """);
        var freeVisitingHours = await ScalarAsync("""
            SELECT coalesce(sum(greatest(0, 20 - coalesce((SELECT sum((a.data ->> 'HoursPerMonth')::int) FROM volunteers.mt_doc_assignment a
                WHERE (a.data ->> 'VolunteerId')::uuid = v.id AND a.data ->> 'Status' = 'Active' AND a.data ->> 'RoleProfileKey' = 'besuchsdienst'), 0))), 0)
            FROM volunteers.mt_doc_volunteer v WHERE v.data ->> 'Quartier' = @q AND v.data ->> 'Status' = 'Confirmed' AND v.data -> 'ActiveRoles' ? 'besuchsdienst'
            """);

        var loneliness = Line(picture, "needs", "problemKind", "Loneliness");
        Assert.True(lonely >= 5, $"The demo has {lonely} open loneliness cases in Döbeln-Ost.");
        Assert.Equal(lonely, loneliness.GetProperty("openNow").GetProperty("value").GetInt32());
        var trend = loneliness.GetProperty("trend").EnumerateArray().Select(f => f.GetProperty("value")).ToList();
        Assert.Equal(12, trend.Count);
        Assert.Equal(JsonValueKind.Null, trend[0].ValueKind);
        Assert.Equal(lonely, trend[^1].GetInt32());

        Assert.Equal(1, visitingPartners);
        var visiting = Line(picture, "offers", "serviceCategory", "besuchsdienst");
        Assert.Equal(visitingPartners, visiting.GetProperty("activePartners").GetInt32());
        Assert.True(visiting.GetProperty("singlePointOfFailure").GetBoolean());

        Assert.Equal(0, freeVisitingHours);
        var neighbours = Line(picture, "neighbours", "roleProfileKey", "besuchsdienst");
        Assert.Equal(visitors >= 5 ? visitors.ToString(System.Globalization.CultureInfo.InvariantCulture) : "< 5", neighbours.GetProperty("activeVolunteers").GetProperty("text").GetString());

        var gap = Assert.Single(picture.GetProperty("gaps").EnumerateArray(), g => g.GetProperty("problemKind").GetString() == "Loneliness");
        Assert.True(gap.GetProperty("noFreeHours").GetBoolean());
        Assert.Equal($"{Ost}, Vereinsamung: {lonely} Personen mit offenem Fall, steigend (vor elf Monaten: < 5); nur ein Netzwerkpartner (Besuchsdienst) – fällt er aus, gibt es keinen; "
            + "keine freien Stunden bei Nachbar:innen in diesem Monat (Besuchsdienst, Alltagsbegleiter:in).", gap.GetProperty("text").GetString());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Quartiere/Lagebild/{Uri.EscapeDataString(Ost)}"));
        Assert.Contains("<h1>Lagebild Döbeln-Ost</h1>", page, StringComparison.Ordinal);
        Assert.Contains(gap.GetProperty("text").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        var csv = await client.GetStringAsync($"/Quartiere/Lagebild/{Uri.EscapeDataString(Ost)}?handler=Csv");
        Assert.Contains($"Bedarf: offene Fälle;{Ost};Vereinsamung;", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_figure_of_people_under_five_is_shown_anywhere_in_the_Lagebild()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var programme = JsonDocument.Parse(await client.GetStringAsync("/api/quartiere/lagebild")).RootElement;
        var pictures = new List<JsonElement> { programme };
        foreach (var quartier in programme.GetProperty("quartiere").EnumerateArray())
        {
            pictures.Add(JsonDocument.Parse(await client.GetStringAsync($"/api/quartiere/lagebild/{Uri.EscapeDataString(quartier.GetProperty("quartier").GetString()!)}")).RootElement);
        }

        var figures = pictures.SelectMany(p => p.GetProperty("needs").EnumerateArray().SelectMany(n => n.GetProperty("trend").EnumerateArray().Append(n.GetProperty("openNow")))
                .Concat(p.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("activeVolunteers")))
                .Append(p.GetProperty("needTotal")))
            .ToList();
        Assert.Contains(figures, f => f.GetProperty("text").GetString() == "< 5");
        Assert.All(figures, f =>
        {
            var value = f.GetProperty("value");
            Assert.True(value.ValueKind == JsonValueKind.Null || value.GetDecimal() == 0 || value.GetDecimal() >= 5, f.ToString());
        });
    }

    [Fact]
    public async Task An_unknown_Quartier_is_refused_in_German_and_a_volunteer_may_not_see_the_Lagebild()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var unknown = await coordination.GetAsync("/api/quartiere/lagebild/Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Dieses Quartier steht nicht in der Liste der Quartiere.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await coordination.GetAsync("/Quartiere/Lagebild/Atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Bitte wählen Sie eines aus der Liste.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/quartiere/lagebild")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/quartiere/lagebild/{Uri.EscapeDataString(Ost)}")).StatusCode);
        var volunteerPage = await volunteer.GetAsync("/Quartiere/Lagebild");
        Assert.True(volunteerPage.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, volunteerPage.StatusCode.ToString());
    }

    private static JsonElement Line(JsonElement picture, string list, string key, string value)
        => Assert.Single(picture.GetProperty(list).EnumerateArray(), l => l.GetProperty(key).GetString() == value);

    private async Task<int> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", Ost);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
