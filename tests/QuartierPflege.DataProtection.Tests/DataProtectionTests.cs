using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.DataProtection.Persistence;
using QuartierPflege.DataProtection.Register;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;

namespace QuartierPflege.DataProtection.Tests;

/// <summary>The data-protection module through its API and pages, on one database (the modules present in this build answer).</summary>
public sealed class DataProtectionTests(DataProtectionApp app) : IClassFixture<DataProtectionApp>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // As the Host's pages write text (umlauts as they are, markup escaped).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [Fact]
    public async Task The_register_page_lists_every_kind_of_every_registered_module()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var registers = app.Services.GetServices<IPersonalDataRegister>().ToList();

        var page = await coordination.GetStringAsync("/Datenschutz/Verzeichnis");
        var api = await coordination.GetStringAsync("/api/data-protection/register");

        Assert.Contains(registers, r => r.Module == DataProtectionPersonalData.ModuleName);
        Assert.Contains(registers, r => r.Module == "Anmeldung");
        Assert.All(registers, r =>
        {
            Assert.Contains($">{Html.Encode(r.Module)}</h2>", page, StringComparison.Ordinal);
            Assert.All(r.Kinds, k =>
            {
                Assert.Contains($"<h3>{Html.Encode(k.Name)}</h3>", page, StringComparison.Ordinal);
                Assert.Contains($"\"{k.Key}\"", api, StringComparison.Ordinal);
            });
        });
        Assert.Contains("Gesetzliche Mindestfrist", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_is_for_coordination_only()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);

        var response = await caseManager.GetAsync("/api/data-protection/register");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_period_below_the_legal_minimum_is_refused_in_German_and_nothing_is_stored()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var response = await coordination.PutAsJsonAsync($"/api/data-protection/retention-settings/{DataProtectionPersonalData.AuditKind}", new { years = 0, months = 6, days = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Die Frist darf die gesetzliche Mindestfrist nicht unterschreiten: mindestens 1 Jahr", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.InScopeAsync(async s => await s.GetRequiredService<IQuerySession>().LoadAsync<RetentionSettingDocument>(DataProtectionPersonalData.AuditKind));
        Assert.Null(stored);
    }

    [Fact]
    public async Task A_changed_period_is_in_force_and_audited_with_old_and_new()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        var response = await coordination.PutAsJsonAsync($"/api/data-protection/retention-settings/{DataProtectionPersonalData.ErasureRequestKind}", new { years = 4, months = 0, days = 0 });

        response.EnsureSuccessStatusCode();
        var register = await coordination.GetStringAsync("/Datenschutz/Verzeichnis");
        Assert.Contains("4 Jahre nach dem Auftrag", register, StringComparison.Ordinal);
        var audit = await app.InScopeAsync(async s => await s.GetRequiredService<IQuerySession>().Query<DataProtectionAuditEntry>()
            .Where(e => e.Action == AuditAction.RetentionPeriodChanged).ToListAsync());
        Assert.Contains(audit, e => e.Text.EndsWith("3 Jahre → 4 Jahre", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sweep_run_records_the_answer_of_every_module()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        Guid id = default;

        // Modules answer at once; an answer that lost the race for the run's revision is retried (not a failure).
        await app.TrackAllowingFailuresAsync(async () =>
        {
            var response = await coordination.PostAsync("/api/data-protection/retention-sweeps", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        });

        var run = await Eventually.UntilAsync(() => coordination.GetFromJsonAsync<JsonElement>($"/api/data-protection/retention-sweeps/{id}"),
            r => r.GetProperty("complete").GetBoolean(), "every module answered the sweep");
        var expected = app.Services.GetServices<IPersonalDataRegister>().Select(r => r.Module).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, run.GetProperty("expectedModules").EnumerateArray().Select(m => m.GetString()!).ToList());
        Assert.Empty(run.GetProperty("outstanding").EnumerateArray());
        Assert.True(run.GetProperty("complete").GetBoolean());
        var page = await coordination.GetStringAsync("/Datenschutz/Loeschlauf");
        Assert.Contains("Alle Bereiche haben geantwortet.", page, StringComparison.Ordinal);
        Assert.Contains("Fällig in den nächsten 30 Tagen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_access_copy_holds_an_html_and_a_json_and_is_gone_after_seven_days()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var volunteer = app.Volunteers.Add("Erna Auskunft", null);

        var created = await coordination.PostAsJsonAsync("/api/data-protection/access-requests", new { kind = "volunteer", subjectId = volunteer.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var zip = await coordination.GetAsync($"/api/data-protection/access-requests/{id}/zip");
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using (var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync(), ZipArchiveMode.Read))
        {
            Assert.Equal(["auskunft.html", "auskunft.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList());
            var html = await ReadAsync(archive, "auskunft.html");
            Assert.Contains("Erna Auskunft", html, StringComparison.Ordinal);
            var json = JsonDocument.Parse(await ReadAsync(archive, "auskunft.json")).RootElement;
            Assert.Equal("Erna Auskunft", json.GetProperty("betroffenePerson").GetProperty("name").GetString());
            Assert.Equal("Test Koordination", json.GetProperty("erstelltVon").GetString());
        }

        app.Clock.Advance(Duration.FromDays(7) + Duration.FromMinutes(1));
        coordination = await app.SignedInClientAsync(Roles.Koordination);
        var late = await coordination.GetAsync($"/api/data-protection/access-requests/{id}/zip");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("nicht mehr abrufbar", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var latePage = await coordination.GetAsync($"/Datenschutz/Auskunft/{id}/Datei");
        Assert.Equal(HttpStatusCode.Gone, latePage.StatusCode);
        Assert.Contains("nur 7 Tage bereitgehalten", await latePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A day later (a new sign-in: the cookie lasts 8 hours), the sweep deletes the file; the request stays as proof.
        app.Clock.Advance(Duration.FromDays(1));
        coordination = await app.SignedInClientAsync(Roles.Koordination);
        await app.TrackAllowingFailuresAsync(async () => Assert.Equal(HttpStatusCode.Accepted,
            (await coordination.PostAsync("/api/data-protection/retention-sweeps", null)).StatusCode));
        await Eventually.UntilAsync(async () => await app.InScopeAsync(async s => await s.GetRequiredService<IQuerySession>().LoadAsync<AccessCopyFile>(id)) is null,
            "the sweep deleted the expired copy");
        var audit = await app.InScopeAsync(async s => await s.GetRequiredService<IQuerySession>().Query<DataProtectionAuditEntry>().ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditAction.AccessCopyCreated && e.Text.Contains("Erna Auskunft", StringComparison.Ordinal));
        Assert.Single(audit, e => e.Action == AuditAction.AccessCopyDownloaded && e.Text.Contains("Erna Auskunft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_erasure_without_a_reason_is_refused_in_German()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var volunteer = app.Volunteers.Add("Otto Ohnegrund", null);

        var response = await coordination.PostAsJsonAsync("/api/data-protection/erasure-requests", new { kind = "volunteer", subjectId = volunteer.Id, reason = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bitte geben Sie den Grund der Löschung an", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erased_volunteer_cannot_sign_in_and_the_report_is_complete_once_every_module_answered()
    {
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var account = await app.CreateUserAsync(Roles.Ehrenamt, "Vera Vergessen");
        var volunteersSession = await app.SignedInClientAsync(account);
        var volunteer = app.Volunteers.Add("Vera Vergessen", account.Email);
        Guid id = default;

        await app.TrackAllowingFailuresAsync(async () =>
        {
            var response = await coordination.PostAsJsonAsync("/api/data-protection/erasure-requests",
                new { kind = "volunteer", subjectId = volunteer.Id, reason = "Antrag der Person vom 01.03.2026" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        });

        var report = await Eventually.UntilAsync(() => coordination.GetFromJsonAsync<JsonElement>($"/api/data-protection/erasure-requests/{id}", Web),
            r => r.GetProperty("complete").GetBoolean(), "every module confirmed the erasure");
        Assert.Equal("vollständig", report.GetProperty("state").GetString());
        var login = await app.CreateBrowserLikeClient().PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = TestUser.Password });
        Assert.False(login.IsSuccessStatusCode);
        Assert.Contains(report.GetProperty("modules").EnumerateArray(), m => m.GetProperty("module").GetString() == "Anmeldung"
            && m.GetProperty("lines")[0].GetProperty("erased").GetInt32() == 1);
        var page = await coordination.GetStringAsync($"/Datenschutz/Loeschung/{id}");
        Assert.Contains("vollständig", page, StringComparison.Ordinal);
        Assert.Contains("Antrag der Person vom 01.03.2026", page, StringComparison.Ordinal);

        // The session the volunteer had open ends at its next check of the account (at most a minute later).
        app.Clock.Advance(Duration.FromMinutes(2));
        var afterwards = await volunteersSession.GetAsync("/api/data-protection/register");
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task The_copy_for_a_demo_resident_holds_every_modules_data_about_them_and_nothing_about_other_residents()
    {
        await app.SeedDemoDataAsync();
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var everyone = new List<JsonElement>();
        foreach (var quartier in new[] { "Döbeln-Nord", "Döbeln-Ost" })
        {
            everyone.AddRange(await ResidentsAsync(coordination, quartier));
        }

        // Demo residents whose plan has a referral and a running neighbour help: in Döbeln-Nord and in Döbeln-Ost.
        var (help, referrals) = await app.InScopeAsync(async sp => (
            await sp.GetRequiredService<INeighbourHelpRequests>().OpenAsync(CancellationToken.None),
            (await sp.GetRequiredService<ICaseReferrals>().InQuartierAsync("Döbeln-Nord", CancellationToken.None))
                .Concat(await sp.GetRequiredService<ICaseReferrals>().InQuartierAsync("Döbeln-Ost", CancellationToken.None)).ToList()));
        var chosen = help.Where(h => h.AssignmentId is not null && referrals.Any(r => r.CaseId == h.CaseId))
            .GroupBy(h => h.Quartier).Select(g => g.OrderBy(h => h.RequestId).First()).ToList();
        Assert.Equal(["Döbeln-Nord", "Döbeln-Ost"], chosen.Select(h => h.Quartier).Order());
        var helpers = DemoHelpers.All.Concat(DemoHelpers.VisitorsOst).ToList();

        foreach (var demo in chosen)
        {
            // Coordination opens the case first: the copy shows that read among the audit entries.
            var @case = await coordination.GetFromJsonAsync<JsonElement>($"/api/case-management/cases/{demo.CaseId}");
            var created = await coordination.PostAsJsonAsync("/api/data-protection/access-requests", new { kind = "resident", subjectId = demo.ResidentId });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var archive = new ZipArchive(await coordination.GetStreamAsync($"/api/data-protection/access-requests/{id}/zip"), ZipArchiveMode.Read);
            var html = WebUtility.HtmlDecode(await ReadAsync(archive, "auskunft.html"));
            var json = JsonDocument.Parse(await ReadAsync(archive, "auskunft.json")).RootElement;
            var jsonText = string.Join("\n", Strings(json));
            var filled = json.GetProperty("bereiche").EnumerateArray().Where(b => b.GetProperty("eintraege").GetArrayLength() > 0).Select(b => b.GetProperty("bereich").GetString()).ToList();
            Assert.Superset(new HashSet<string?> { "Fallmanagement", "Netzwerkpartner", "Ehrenamt" }, filled.ToHashSet());

            var resident = everyone.Single(r => r.GetProperty("id").GetGuid() == demo.ResidentId);
            var referral = referrals.First(r => r.CaseId == demo.CaseId);
            var helper = helpers.Single(h => h.VolunteerId == demo.ChosenVolunteerId);
            foreach (var text in new[] { html, jsonText })
            {
                Assert.Contains($"{resident.GetProperty("firstName").GetString()} {resident.GetProperty("lastName").GetString()}", text, StringComparison.Ordinal);
                Assert.Contains($"Fall {@case.GetProperty("number").GetString()}", text, StringComparison.Ordinal);
                Assert.Contains("Einwilligung: ", text, StringComparison.Ordinal);
                Assert.Contains(referral.DisclosedSummary, text, StringComparison.Ordinal);
                Assert.Contains(demo.Description, text, StringComparison.Ordinal);
                Assert.Contains(helper.DisplayName.Split(' ')[0], text, StringComparison.Ordinal);
                Assert.Contains("Demodaten geladen", text, StringComparison.Ordinal);
                Assert.Contains($"Fall {@case.GetProperty("number").GetString()} angesehen (Überblick)", text, StringComparison.Ordinal);
                // A helper appears by first name only, never with the full name.
                Assert.All(helpers, h => Assert.DoesNotContain(h.DisplayName, text, StringComparison.Ordinal));
                foreach (var other in everyone.Where(r => r.GetProperty("id").GetGuid() != demo.ResidentId))
                {
                    Assert.DoesNotContain($"{other.GetProperty("firstName").GetString()} {other.GetProperty("lastName").GetString()}", text, StringComparison.Ordinal);
                }
            }

            // Every module's section of the referral and the neighbour help: Partners' and Volunteers' copies hold them too.
            Assert.Contains(Section(json, "Netzwerkpartner"), t => t.Contains(referral.DisclosedSummary, StringComparison.Ordinal));
            Assert.Contains(Section(json, "Ehrenamt"), t => t.Contains(demo.Description, StringComparison.Ordinal) && t.Contains(helper.DisplayName.Split(' ')[0], StringComparison.Ordinal));
        }
    }

    private static async Task<List<JsonElement>> ResidentsAsync(HttpClient client, string quartier)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/case-management/residents?quartier={Uri.EscapeDataString(quartier)}&page={page}");
            all.AddRange(found.GetProperty("items").EnumerateArray());
            if (page >= found.GetProperty("pageCount").GetInt32())
            {
                return all;
            }
        }
    }

    /// <summary>The records of one module's section, each as its text (title and values).</summary>
    private static List<string> Section(JsonElement copy, string module)
        => [.. copy.GetProperty("bereiche").EnumerateArray().Single(b => b.GetProperty("bereich").GetString() == module)
            .GetProperty("eintraege").EnumerateArray().Select(e => string.Join("\n", Strings(e)))];

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static async Task<string> ReadAsync(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return await reader.ReadToEndAsync();
    }
}
