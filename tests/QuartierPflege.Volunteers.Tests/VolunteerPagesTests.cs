using System.Net;
using System.Text.RegularExpressions;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>The module's pages: forms post like a browser without script, bad input comes back inline and nothing is stored.</summary>
public sealed partial class VolunteersTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Coordination_creates_a_role_profile_on_its_page_and_a_name_already_taken_is_refused_inline()
    {
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        const string page = "/Volunteers/RolleBearbeiten";
        (string, string)[] Fields(string name) =>
        [
            ("Input.Version", "0"), ("Input.Name", name), ("Input.Description", "Liest vor."), ("Input.Tasks", "Vorlesen; erzählen."),
            ("Input.Guidance", "Bringen Sie Bücher mit großer Schrift mit."), ("Input.Requirements", Catalogue.Demenz), ("Input.CompensationModelKey", "unentgeltlich"),
            ("Input.MaxHoursPerMonth", "10"), ("Input.MaxPeoplePerHelper", "3"),
        ];

        var created = await coordinator.SubmitFormAsync(page, Fields("Vorlesepat:in Größere Schrift"));
        var again = await coordinator.SubmitFormAsync(page, Fields("Vorlesepat:in größere schrift"));
        var empty = await coordinator.SubmitFormAsync(page, Fields(""));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Volunteers/RolleBearbeiten/vorlesepat-in-groessere-schrift", created.Headers.Location?.OriginalString);
        var againHtml = await again.Content.ReadAsStringAsync();
        Assert.Contains("Eine Rolle mit diesem Namen gibt es schon.", againHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", againHtml, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie den Namen der Rolle ein.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var role = Assert.Single(await app.AllAsync<RoleProfile>(), r => r.Id.StartsWith("vorlesepat", StringComparison.Ordinal));
        Assert.Equal(("Vorlesepat:in Größere Schrift", 10, 3, Catalogue.Demenz), (role.Name, role.MaxHoursPerMonth, role.MaxPeoplePerHelper, role.Requirements.Single()));
        var edit = await coordinator.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Rollenprofil bearbeiten: Vorlesepat:in Größere Schrift</h1>", edit, StringComparison.Ordinal);
        Assert.Contains("Dateien zur Anleitung", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guidance_file_attached_on_the_role_page_is_checked_and_only_enrolled_volunteers_and_staff_may_download_it()
    {
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        var (_, enrolled) = await app.VolunteerAsync("Eingetragen", activeRoles: ["alltagsbegleitung"]);
        var (_, stranger) = await app.VolunteerAsync("Fremd", activeRoles: ["fahrdienst"]);
        const string page = "/Volunteers/RolleBearbeiten/alltagsbegleitung";
        const string post = page + "?handler=File";

        var notPdf = await coordinator.SubmitMultipartFormAsync(page, [], [("upload", "anleitung.pdf", "application/pdf", "nur Text"u8.ToArray())], post);
        var tooBig = new byte[(10 * 1024 * 1024) + 1];
        Pdf.CopyTo(tooBig, 0);
        var big = await coordinator.SubmitMultipartFormAsync(page, [], [("upload", "gross.pdf", "application/pdf", tooBig)], post);
        var none = await coordinator.SubmitMultipartFormAsync(page, [], [], post);

        Assert.Contains("PDF-Datei oder ein Bild", InlineError(await notPdf.Content.ReadAsStringAsync(), "e-upload"), StringComparison.Ordinal);
        Assert.Contains("größer als 10 MB", InlineError(await big.Content.ReadAsStringAsync(), "e-upload"), StringComparison.Ordinal);
        Assert.Contains("Bitte wählen Sie eine Datei.", InlineError(await none.Content.ReadAsStringAsync(), "e-upload"), StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AllAsync<GuidanceFile>(), f => f.RoleProfileKey == "alltagsbegleitung");

        var saved = await coordinator.SubmitMultipartFormAsync(page, [], [("upload", "Anleitung Alltag.pdf", "application/pdf", Pdf)], post);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var file = Assert.Single(await app.AllAsync<GuidanceFile>(), f => f.RoleProfileKey == "alltagsbegleitung");
        var link = $"/api/volunteers/roles/files/{file.Id}";
        Assert.Contains(link, await coordinator.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(Pdf, await (await enrolled.GetAsync(link)).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync());
        Assert.Contains(link, await enrolled.GetStringAsync("/Volunteers/Rollen"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).StatusCode);
        Assert.DoesNotContain(link, await stranger.GetStringAsync("/Volunteers/Rollen"), StringComparison.Ordinal);
        Assert.Empty((await (await stranger.GetAsync("/api/volunteers/roles/alltagsbegleitung/files")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_volunteer_uploads_a_certificate_on_their_page_that_coordination_verifies_and_bad_uploads_are_refused_inline()
    {
        var (me, client) = await app.VolunteerAsync("Zeugnis");
        const string page = "/Volunteers/Nachweise";
        (string, string)[] Fields(string issuedOn) => [("Input.CourseKey", Catalogue.Fuehrungszeugnis), ("Input.IssuedOn", issuedOn)];

        var image = await client.SubmitMultipartFormAsync(page, Fields("2026-01-10"), [("upload", "zeugnis.exe", "application/octet-stream", "MZ"u8.ToArray())]);
        var future = await client.SubmitMultipartFormAsync(page, Fields("2026-03-03"), [("upload", "zeugnis.pdf", "application/pdf", Pdf)]);
        var noCourse = await client.SubmitMultipartFormAsync(page, [("Input.IssuedOn", "2026-01-10")], [("upload", "zeugnis.pdf", "application/pdf", Pdf)]);

        Assert.Contains("PDF-Datei oder ein Bild", InlineError(await image.Content.ReadAsStringAsync(), "e-upload"), StringComparison.Ordinal);
        Assert.Contains("nicht in der Zukunft", InlineError(await future.Content.ReadAsStringAsync(), "e-issued"), StringComparison.Ordinal);
        Assert.Contains("aus der Liste", InlineError(await noCourse.Content.ReadAsStringAsync(), "e-course"), StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AllAsync<Certificate>(), c => c.VolunteerId == me.Id);

        var uploaded = await client.SubmitMultipartFormAsync(page, Fields("10.01.2026"), [("upload", "zeugnis.pdf", "application/pdf", Pdf)]);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var certificate = Assert.Single(await app.AllAsync<Certificate>(), c => c.VolunteerId == me.Id);
        Assert.Equal((new NodaTime.LocalDate(2026, 1, 10), false), (certificate.IssuedOn, certificate.Verified));
        Assert.Contains("wird von der Koordination geprüft", await client.GetStringAsync(page), StringComparison.Ordinal);
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        Assert.Contains($"/api/volunteers/certificates/{certificate.Id}/file", await coordinator.GetStringAsync("/Volunteers/Koordination"), StringComparison.Ordinal);
        var verified = await coordinator.SubmitFormAsync("/Volunteers/Koordination", [], $"/Volunteers/Koordination?handler=Verify&certificateId={certificate.Id}");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains("gültig bis 09.01.2031 · anerkannt", Regex.Replace(await client.GetStringAsync(page), @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_log_is_corrected_on_its_page_and_correcting_a_confirmed_log_publishes_activity_corrected()
    {
        var (me, client) = await app.VolunteerAsync("Korrektur", activeRoles: ["besuchsdienst"]);
        var (_, other) = await app.VolunteerAsync("Nachbarin");
        var assignment = new Assignment
        {
            VolunteerId = me.Id, RoleProfileKey = "besuchsdienst", CompensationModelKey = "unentgeltlich", Street = "Ritterstraße", HouseNumber = "9",
            Description = "Besuch und Gespräch", HoursPerMonth = 4, StartsOn = Today.PlusDays(-20), CaseId = Guid.NewGuid(), RequestId = Guid.NewGuid(),
        };
        var returned = new ActivityLog
        {
            VolunteerId = me.Id, AssignmentId = assignment.Id, RoleProfileKey = "besuchsdienst", Date = Today.PlusDays(-3), Minutes = 600, Kind = "besuch",
            State = ActivityState.Returned, ReturnComment = "Zehn Stunden? Bitte prüfen.", SubmittedAt = default,
        };
        var confirmed = new ActivityLog
        {
            VolunteerId = me.Id, AssignmentId = assignment.Id, RoleProfileKey = "besuchsdienst", Date = Today.PlusDays(-5), Minutes = 60, Kind = "besuch",
            Kilometres = 2.5m, State = ActivityState.Confirmed, SubmittedAt = default,
        };
        await app.StoreAsync(assignment, returned, confirmed);
        var page = $"/Volunteers/Einsatznachweis/{returned.Id}";
        var form = await client.GetStringAsync(page);
        var version = Regex.Match(form, "name=\"Log.Version\" value=\"(\\d+)\"").Groups[1].Value;
        (string, string)[] Fields(string minutes, string note = "Vorgelesen") =>
            [("Log.Version", version), ("Log.Date", "2026-02-27"), ("Log.Minutes", minutes), ("Log.Kind", "besuch"), ("Log.Kilometres", "1.5"), ("Log.Note", note)];

        Assert.Contains("„Zehn Stunden? Bitte prüfen.“", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).StatusCode);
        var zero = await client.SubmitFormAsync(page, Fields("0"));
        var longNote = await client.SubmitFormAsync(page, Fields("60", new string('x', 501)));
        Assert.Contains("mehr als 0", InlineError(await zero.Content.ReadAsStringAsync(), "e-minutes"), StringComparison.Ordinal);
        Assert.Contains("höchstens 500 Zeichen", InlineError(await longNote.Content.ReadAsStringAsync(), "e-note"), StringComparison.Ordinal);
        Assert.Equal(600, (await app.LoadAsync<ActivityLog>(returned.Id))!.Minutes);

        var resubmitted = await client.SubmitFormAsync(page, Fields("60"));

        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var log = (await app.LoadAsync<ActivityLog>(returned.Id))!;
        Assert.Equal((ActivityState.Submitted, 60, 1.5m, (string?)null), (log.State, log.Minutes, log.Kilometres, log.ReturnComment));

        var confirmedPage = $"/Volunteers/Einsatznachweis/{confirmed.Id}";
        var confirmedVersion = Regex.Match(await client.GetStringAsync(confirmedPage), "name=\"Log.Version\" value=\"(\\d+)\"").Groups[1].Value;
        var corrected = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(confirmedPage,
            ("Log.Version", confirmedVersion), ("Log.Date", "2026-02-25"), ("Log.Minutes", "45"), ("Log.Kind", "besuch"), ("Log.Kilometres", "2,5"))).StatusCode));

        var message = Assert.Single(Of<ActivityCorrected>(corrected));
        Assert.Equal((confirmed.Id, 45, 2.5m), (message.ActivityId, message.Minutes, message.Kilometres));
        Assert.Equal(ActivityState.Submitted, (await app.LoadAsync<ActivityLog>(confirmed.Id))!.State);
    }

    [Fact]
    public async Task Returning_a_log_without_a_comment_is_refused_next_to_its_field()
    {
        var (me, _) = await app.VolunteerAsync("Zurück", activeRoles: ["besuchsdienst"]);
        var log = new ActivityLog
        {
            VolunteerId = me.Id, AssignmentId = Guid.NewGuid(), RoleProfileKey = "besuchsdienst", Date = Today, Minutes = 30, Kind = "besuch", State = ActivityState.Submitted,
        };
        await app.StoreAsync(log);
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);

        var response = await coordinator.SubmitFormAsync("/Volunteers/Koordination", [new("comment", " ")], $"/Volunteers/Koordination?handler=ReturnLog&logId={log.Id}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bitte schreiben Sie, was korrigiert werden soll.", InlineError(html, $"e-comment-{log.Id}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"#comment-{log.Id}\"", html, StringComparison.Ordinal);
        Assert.Equal(ActivityState.Submitted, (await app.LoadAsync<ActivityLog>(log.Id))!.State);
    }

    [Fact]
    public async Task Profile_text_over_its_limit_is_refused_naming_the_limit_instead_of_being_cut_by_the_browser()
    {
        var (me, client) = await app.VolunteerAsync("Langername");
        var form = await client.GetStringAsync("/Volunteers/Profil");
        var version = Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var response = await client.SubmitFormAsync("/Volunteers/Profil",
            ("Input.Version", version), ("Input.FirstName", new string('A', 101)), ("Input.LastName", "Langername"), ("Input.Phone", "03431 123456"),
            ("Input.Street", "Ritterstraße"), ("Input.HouseNumber", "7"), ("Input.Quartier", "Döbeln-Nord"), ("Input.BirthDate", "1961-05-05"),
            ("Input.Skills", new string('s', 1001)));

        Assert.DoesNotContain("maxlength", form, StringComparison.Ordinal);
        Assert.DoesNotContain("maxlength", await client.GetStringAsync("/Volunteers"), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("höchstens 100 Zeichen", InlineError(html, "e-first"), StringComparison.Ordinal);
        Assert.Contains("höchstens 1000 Zeichen", InlineError(html, "e-skills"), StringComparison.Ordinal);
        Assert.Equal("Test", (await app.LoadAsync<Volunteer>(me.Id))!.FirstName);
    }

    [Fact]
    public async Task Every_coordinator_view_is_a_page_with_its_CSV_link_and_closed_to_volunteers()
    {
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        var (_, volunteer) = await app.VolunteerAsync("Neugierde");

        foreach (var key in new[] { "einsatzliste", "ablaufende-nachweise", "unbestaetigte-nachweise", "ohne-aktivitaet", "schulungsstunden" })
        {
            var html = await coordinator.GetStringAsync($"/Volunteers/Auswertung/{key}");
            Assert.Contains($"href=\"/api/volunteers/reports/{key}/csv\"", html, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(html, "<h1"));
            Assert.Equal("text/csv", (await coordinator.GetAsync($"/api/volunteers/reports/{key}/csv")).EnsureSuccessStatusCode().Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(HttpStatusCode.OK, (await volunteer.GetAsync($"/Volunteers/Auswertung/{key}")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await volunteer.GetAsync($"/api/volunteers/reports/{key}/csv")).StatusCode);
        }
    }

    /// <summary>The text of the inline message element with this id.</summary>
    private static string InlineError(string html, string id)
        => Regex.Match(html, $"<span id=\"{Regex.Escape(id)}\" class=\"field-error\">([^<]*)</span>").Groups[1].Value;
}
