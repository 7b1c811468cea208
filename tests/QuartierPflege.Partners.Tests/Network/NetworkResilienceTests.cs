using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Partners.Contracts;
using QuartierPflege.Partners.Directory;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Partners.Tests.Network;

/// <summary>The coverage matrix, "what if", and what pausing a partner tells the cases (on the demo network).</summary>
public sealed class NetworkResilienceTests(QpApp app) : IClassFixture<QpApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pausing_the_only_Haushaltshilfe_of_Hartha_turns_the_cell_into_a_gap_and_publishes_partner_unavailable_once_with_neighbouring_alternatives()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var only = await PartnerAsync(DemoPartners.OnlyHouseholdHelpInHartha);
        var neighbours = new[] { "Haushaltshilfe Fleißige Hände", "Alltagshelfer Mittelsachsen" };
        var neighbourIds = new List<Guid>();
        foreach (var name in neighbours)
        {
            neighbourIds.Add((await PartnerAsync(name)).Id);
        }

        Assert.Equal(1, await CellAsync(coordination, ServiceCategories.Haushaltshilfe, DemoPartners.Hartha));
        var whatIf = await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/{only.Id}/what-if");
        Assert.Contains(whatIf.EnumerateArray(), c => c.GetProperty("quartier").GetString() == DemoPartners.Hartha && c.GetProperty("after").GetInt32() == 0
            && c.GetProperty("stateAfter").GetString() == "Lücke");

        var pause = new { status = "Paused", from = "2026-03-09", until = "2026-04-30", note = "Krankheit", version = only.Version };
        var first = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await coordination.PutAsJsonAsync($"/api/partners/{only.Id}/status", pause)).StatusCode));
        var second = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK,
            (await coordination.PutAsJsonAsync($"/api/partners/{only.Id}/status", pause with { version = only.Version + 1 })).StatusCode));

        var unavailable = first.Sent.SingleMessage<PartnerUnavailable>();
        Assert.Empty(second.Sent.MessagesOf<PartnerUnavailable>());
        Assert.Equal(only.Id, unavailable.PartnerId);
        Assert.Equal(PartnerStatus.Paused, unavailable.Status);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 9), unavailable.From);
        var hartha = Assert.Single(unavailable.Alternatives);
        Assert.Equal((ServiceCategories.Haushaltshilfe, DemoPartners.Hartha), (hartha.ServiceCategory, hartha.Quartier));
        Assert.Equal(neighbourIds.Order(), hartha.PartnerIds.Order());
        Assert.Equal(0, await CellAsync(coordination, ServiceCategories.Haushaltshilfe, DemoPartners.Hartha));
        var matrix = WebUtility.HtmlDecode(await coordination.GetStringAsync("/Partners/Abdeckung?kategorie=haushaltshilfe"));
        var row = Regex.Match(matrix, @"<th scope=""row"">Haushaltshilfe</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        var hartharCell = Regex.Matches(row, @"<td class=""([^""]+)"">(.*?)</td>", RegexOptions.Singleline)[^1];
        Assert.Equal("coverage-gap", hartharCell.Groups[1].Value);
        Assert.Equal("0Lücke", Regex.Replace(hartharCell.Groups[2].Value, "<[^>]+>|\\s", ""));
        var detail = WebUtility.HtmlDecode(await coordination.GetStringAsync($"/Partners/{only.Id}"));
        Assert.Contains("pausiert ab 09.03.2026 bis 30.04.2026", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>()
            .FindPartnersAsync(ServiceCategories.Haushaltshilfe, DemoPartners.Hartha, CancellationToken.None)), p => p.PartnerId == only.Id);
    }

    [Fact]
    public async Task A_pause_ending_before_it_begins_is_refused_with_a_German_message_and_nothing_changes()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var partner = await PartnerAsync("Löwen-Apotheke Döbeln");

        var response = await coordination.PutAsJsonAsync($"/api/partners/{partner.Id}/status",
            new { status = "Paused", from = "2026-03-20", until = "2026-03-10", version = partner.Version });
        var page = await coordination.SubmitFormAsync($"/Partners/{partner.Id}/Status",
            ("status", "Paused"), ("from", "2026-03-20"), ("until", "2026-03-10"), ("version", partner.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Das Ende der Pause darf nicht vor ihrem Beginn liegen.", errors.GetProperty("until")[0].GetString());
        Assert.Contains("<span class=\"field-error\" id=\"until-error\">Das Ende der Pause darf nicht vor ihrem Beginn liegen.</span>", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(PartnerStatus.Active, (await PartnerAsync("Löwen-Apotheke Döbeln")).Status);
    }

    [Fact]
    public async Task A_pause_ends_by_itself_on_the_day_after_its_last_day_and_the_partner_counts_again()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var pharmacy = await PartnerAsync("Stadt-Apotheke Hartha");
        var today = QuartierPflege.BuildingBlocks.Time.Berlin.Today(app.Clock);
        var lastDay = today.PlusDays(2);
        var pause = new { status = "Paused", from = today.ToString("yyyy-MM-dd", null), until = lastDay.ToString("yyyy-MM-dd", null), version = pharmacy.Version };
        Assert.Equal(HttpStatusCode.OK, (await coordination.PutAsJsonAsync($"/api/partners/{pharmacy.Id}/status", pause)).StatusCode);
        Assert.Equal(0, await CellAsync(coordination, ServiceCategories.Apotheke, "Großweitzschen"));

        await app.PublishAndTrackAsync(new EndElapsedPauses(Guid.NewGuid(), app.Clock.GetCurrentInstant(), lastDay));
        Assert.Equal(PartnerStatus.Paused, (await PartnerAsync("Stadt-Apotheke Hartha")).Status);

        await app.PublishAndTrackAsync(new EndElapsedPauses(Guid.NewGuid(), app.Clock.GetCurrentInstant(), lastDay.PlusDays(1)));
        await app.PublishAndTrackAsync(new EndElapsedPauses(Guid.NewGuid(), app.Clock.GetCurrentInstant(), lastDay.PlusDays(2)));

        var back = await PartnerAsync("Stadt-Apotheke Hartha");
        Assert.Equal(PartnerStatus.Active, back.Status);
        Assert.Null(back.PausedUntil);
        Assert.Equal(lastDay.PlusDays(1), back.StatusFrom);
        Assert.Equal(pharmacy.Version + 2, back.Version);
        Assert.Single(back.History, h => h.After == $"aktiv ab {QuartierPflege.BuildingBlocks.Time.GermanDates.Show(lastDay.PlusDays(1))}");
        Assert.Equal(1, await CellAsync(coordination, ServiceCategories.Apotheke, "Großweitzschen"));
        Assert.Contains(await app.InScopeAsync(sp => sp.GetRequiredService<IPartnerDirectory>()
            .FindPartnersAsync(ServiceCategories.Apotheke, "Großweitzschen", CancellationToken.None)), p => p.PartnerId == pharmacy.Id);
    }

    [Fact]
    public async Task The_coverage_exports_as_semicolon_separated_UTF8_with_a_byte_order_mark_and_filters()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);

        var bytes = await caseManager.GetByteArrayAsync("/api/partners/coverage.csv?category=apotheke");
        var weak = await caseManager.GetFromJsonAsync<JsonElement>("/api/partners/coverage?onlyWeak=true");

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Leistungsart;Quartier;Anzahl aktiver aufnehmender Partner;Bewertung", lines[0]);
        Assert.Contains("Apotheke;Großweitzschen;1;nur einer", lines);
        Assert.Contains("Apotheke;Döbeln-Nord;1;nur einer", lines);
        Assert.Equal(6, lines.Length);
        Assert.All(weak.EnumerateArray(), c => Assert.NotNull(c.GetProperty("state").GetString()));
        Assert.Contains(weak.EnumerateArray(), c => c.GetProperty("state").GetString() == "Lücke");
    }

    [Fact]
    public async Task A_network_meeting_keeps_its_agreed_actions_in_the_open_list_until_they_are_done()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var partner = await PartnerAsync("Fahrdienst Mobil im Alter");

        var created = await coordination.PostAsJsonAsync("/api/partners/meetings", new
        {
            date = "2026-03-02",
            title = "AG Sozialmanagement: Fahrten zum Arzt",
            partnerIds = new[] { partner.Id },
            topics = new[] { "Fahrten nach Hartha" },
            minutes = "Der Fahrdienst prüft eine zweite Tour.",
            actions = new[] { new { text = "Zweite Tour nach Hartha prüfen", owner = "Fahrdienst Mobil im Alter", dueOn = "2026-03-20" } },
        });
        var tooLong = await coordination.PostAsJsonAsync("/api/partners/meetings", new { date = "2026-03-02", title = new string('T', 201) });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Der Titel darf höchstens 200 Zeichen lang sein.",
            (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());
        var meetingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var open = await coordination.GetFromJsonAsync<JsonElement>("/api/partners/actions/open");
        var action = open.EnumerateArray().Single(a => a.GetProperty("meetingId").GetGuid() == meetingId).GetProperty("action");
        Assert.Equal("Zweite Tour nach Hartha prüfen", action.GetProperty("text").GetString());
        Assert.Contains("Zweite Tour nach Hartha prüfen", WebUtility.HtmlDecode(await coordination.GetStringAsync("/Partners/Treffen")), StringComparison.Ordinal);

        var done = await coordination.PutAsync($"/api/partners/meetings/{meetingId}/actions/{action.GetProperty("id").GetGuid()}/done?done=true", null);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.DoesNotContain((await coordination.GetFromJsonAsync<JsonElement>("/api/partners/actions/open")).EnumerateArray(),
            a => a.GetProperty("meetingId").GetGuid() == meetingId);
    }

    [Fact]
    public async Task A_network_meeting_is_edited_under_the_version_read_keeping_done_actions_and_a_stale_edit_is_a_conflict()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var created = await coordination.PostAsJsonAsync("/api/partners/meetings", new
        {
            date = "2026-03-03",
            title = "AG Sozialmanagement: Hausbesuche",
            topics = new[] { "Erreichbarkeit" },
            actions = new[]
            {
                new { text = "Liste der Hausärzte teilen", owner = "Koordination", dueOn = "2026-03-10" },
                new { text = "Flyer drucken", owner = "Verein", dueOn = "2026-03-12" },
            },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var read = await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/meetings/{id}");
        var kept = read.GetProperty("actions")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await coordination.PutAsync($"/api/partners/meetings/{id}/actions/{kept}/done?done=true", null)).StatusCode);
        var version = read.GetProperty("version").GetInt32() + 1;
        object Edit(int v, string title) => new
        {
            date = "2026-03-04",
            title,
            topics = new[] { "Erreichbarkeit", "Urlaubsvertretung" },
            minutes = "Ergänzt.",
            actions = new object[]
            {
                new { id = kept, text = "Liste der Hausärzte teilen (aktualisiert)", owner = "Koordination", dueOn = "2026-03-11" },
                new { text = "Vertretungsplan abstimmen", owner = "Pflegestützpunkt", dueOn = "2026-03-31" },
            },
            version = v,
        };

        var edited = await coordination.PutAsJsonAsync($"/api/partners/meetings/{id}", Edit(version, "AG Sozialmanagement: Hausbesuche und Vertretung"));
        var stale = await coordination.PutAsJsonAsync($"/api/partners/meetings/{id}", Edit(version, "Veralteter Stand"));
        var invalid = await coordination.PutAsJsonAsync($"/api/partners/meetings/{id}", Edit(version + 1, new string('T', 201)));
        var unknown = await coordination.PutAsJsonAsync($"/api/partners/meetings/{Guid.NewGuid()}", Edit(1, "Gibt es nicht"));
        var page = WebUtility.HtmlDecode(await coordination.GetStringAsync($"/Partners/Treffen?bearbeiten={id}"));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Der Titel darf höchstens 200 Zeichen lang sein.",
            (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var meeting = await coordination.GetFromJsonAsync<JsonElement>($"/api/partners/meetings/{id}");
        Assert.Equal("AG Sozialmanagement: Hausbesuche und Vertretung", meeting.GetProperty("title").GetString());
        Assert.Equal("2026-03-04", meeting.GetProperty("date").GetString());
        var actions = meeting.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(2, actions.Count);
        Assert.Equal(kept, actions[0].GetProperty("id").GetGuid());
        Assert.Equal("Liste der Hausärzte teilen (aktualisiert)", actions[0].GetProperty("text").GetString());
        Assert.NotEqual(JsonValueKind.Null, actions[0].GetProperty("doneOn").ValueKind);
        Assert.Equal("Vertretungsplan abstimmen", actions[1].GetProperty("text").GetString());
        Assert.Contains("Treffen bearbeiten: AG Sozialmanagement: Hausbesuche und Vertretung", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"actions[0].id\" value=\"{kept}\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Vertretungsplan abstimmen\"", page, StringComparison.Ordinal);
    }

    private static async Task<int> CellAsync(HttpClient client, string category, string quartier)
        => (await client.GetFromJsonAsync<JsonElement>($"/api/partners/coverage?category={category}&quartier={Uri.EscapeDataString(quartier)}"))
            .EnumerateArray().Single().GetProperty("count").GetInt32();

    private Task<Domain.Partner> PartnerAsync(string name)
        => app.InScopeAsync(sp => sp.GetRequiredService<IQuerySession>().Query<Domain.Partner>().SingleAsync(p => p.Name == name));
}
