using System.Net;
using System.Net.Http.Json;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Contracts.Planning;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using Wolverine.Tracking;

namespace QuartierPflege.Volunteers.Tests;

/// <summary>
/// The Volunteers module through HTTP and messages, on one database: registration, enrolment and training, matching and
/// the §45a checks, visit logs, privacy between volunteers, bad input. The fake clock stands at Monday, 2 March 2026.
/// </summary>
public sealed partial class VolunteersTests(VolunteersApp app) : IClassFixture<VolunteersApp>
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    [Fact]
    public async Task A_registration_with_an_invalid_e_mail_phone_or_Quartier_is_refused_in_German_and_nothing_is_stored()
    {
        var anonymous = app.CreateClient();
        var before = (await app.AllAsync<Volunteer>()).Count;

        var response = await anonymous.PostJsonAsync("/api/volunteers/registrations", Registration("kein-at-zeichen", phone: "abc", quartier: "Atlantis"));

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("gültige E-Mail-Adresse", errors["email"][0], StringComparison.Ordinal);
        Assert.Contains("gültige Telefonnummer", errors["phone"][0], StringComparison.Ordinal);
        Assert.Contains("Quartier aus der Liste", errors["quartier"][0], StringComparison.Ordinal);
        Assert.Equal(before, (await app.AllAsync<Volunteer>()).Count);
    }

    [Fact]
    public async Task A_confirmed_registration_gets_an_account_and_an_invitation_and_training_makes_the_enrolment_active()
    {
        var email = $"nachbarin-{Guid.NewGuid():N}@beispiel.de";
        var registered = await app.CreateClient().PostJsonAsync("/api/volunteers/registrations", Registration(email));
        var volunteerId = (await registered.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);

        var confirmed = await app.TrackAsync(async () => (await coordinator.PostAsync($"/api/volunteers/{volunteerId}/confirm", null)).EnsureSuccessStatusCode());

        Assert.Single(Of<VolunteerRegistered>(confirmed), m => m.VolunteerId == volunteerId && m.Email == email);
        var mail = Assert.Single(ReceivedMail.FromPickupDirectory(app.MailPickupDirectory), m => m.To.Any(t => t.Address == email));
        Assert.Contains("/Einladung?email=", mail.TextBody, StringComparison.Ordinal);
        var volunteer = (await app.LoadAsync<Volunteer>(volunteerId))!;
        Assert.Equal(VolunteerStatus.Confirmed, volunteer.Status);
        await app.SetPasswordAsync(volunteer.UserId!.Value);
        var neighbour = await app.SignedInClientAsync(new TestUser(volunteer.UserId!.Value, email, volunteer.DisplayName, Roles.Ehrenamt));

        var enrolment = await (await neighbour.PostJsonAsync("/api/volunteers/me/enrolments", new { roleProfileKey = "nachbarschaftshilfe" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Applied", enrolment.GetProperty("state").GetString());
        Assert.Equal(["Basiskurs Nachbarschaftshilfe"], enrolment.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));

        var session = await (await coordinator.PostJsonAsync("/api/volunteers/sessions",
            new { courseKey = Catalogue.Basiskurs, startsAt = "2026-03-02T17:00:00", durationMinutes = 90, place = "Stadtteiltreff", capacity = 1 })).JsonAsync(HttpStatusCode.Created);
        var sessionId = session.GetProperty("id").GetGuid();
        var booked = await (await neighbour.PostAsync($"/api/volunteers/sessions/{sessionId}/booking", null)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("gebucht", booked.GetProperty("myPlace").GetString());
        var ics = await neighbour.GetAsync($"/api/volunteers/sessions/{sessionId}/ics");
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260302T170000", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var attended = await app.TrackAsync(async () => (await coordinator.PostJsonAsync($"/api/volunteers/sessions/{sessionId}/attendance", new { attended = new[] { volunteerId } })).EnsureSuccessStatusCode());

        Assert.Single(Of<EnrolmentActivated>(attended), m => m.VolunteerId == volunteerId && m.RoleProfileKey == "nachbarschaftshilfe");
        var certificates = await (await neighbour.GetAsync($"/api/volunteers/{volunteerId}/certificates")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2029-03-02", Assert.Single(certificates.EnumerateArray()).GetProperty("expiresOn").GetString());
    }

    [Fact]
    public async Task The_waiting_list_moves_up_when_a_booked_volunteer_cancels()
    {
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        var (_, first) = await app.VolunteerAsync("Erste");
        var (_, second) = await app.VolunteerAsync("Zweite");
        var created = await (await coordinator.PostJsonAsync("/api/volunteers/sessions",
            new { courseKey = Catalogue.ErsteHilfe, startsAt = "2026-04-10T09:00:00", place = "DRK", capacity = 1 })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        await first.PostAsync($"/api/volunteers/sessions/{id}/booking", null);
        var queued = await (await second.PostAsync($"/api/volunteers/sessions/{id}/booking", null)).JsonAsync(HttpStatusCode.OK);
        await first.DeleteAsync($"/api/volunteers/sessions/{id}/booking");
        var sessions = await (await second.GetAsync("/api/volunteers/sessions")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Warteliste, Platz 1", queued.GetProperty("myPlace").GetString());
        Assert.Equal("gebucht", sessions.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("myPlace").GetString());
    }

    [Fact]
    public async Task A_neighbour_help_request_gets_ranked_proposals_with_reasons_and_a_section_45a_housemate_is_refused()
    {
        var quartier = "Großweitzschen";
        var (housemate, _) = await app.VolunteerAsync("Mitbewohner", quartier, ["nachbarschaftshilfe"], street: "Dorfstraße", house: "4", flat: "EG");
        var (other, _) = await app.VolunteerAsync("Anders", quartier, ["nachbarschaftshilfe"], street: "Kirchweg", house: "1");
        var request = new NeighbourHelpRequested(Guid.NewGuid(), default, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), quartier,
            new ResidentAddress("Dorfstr.", "4", "EG"), "nachbarschaftshilfe", "Einkaufen und Begleitung zum Arzt", 8, "Dienstag vormittags", Today);

        var proposed = Of<HelpersProposed>(await app.PublishAndTrackAsync(request)).Single();

        Assert.Equal(new[] { housemate.Id, other.Id }.Order(), proposed.Candidates.Where(c => c.VolunteerId == housemate.Id || c.VolunteerId == other.Id).Select(c => c.VolunteerId).Order());
        Assert.All(proposed.Candidates.Where(c => c.Quartier == quartier), c => Assert.StartsWith("Wohnt im selben Quartier", c.Reason, StringComparison.Ordinal));

        var refused = Of<AssignmentRefused>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, housemate.Id, Guid.NewGuid(), new HelperDeclarations(true, true, true)))).Single();
        Assert.Contains(refused.Reasons, r => r.Contains("selben Haushalt", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.AllAsync<Assignment>(), a => a.RequestId == request.RequestId);

        var withoutDeclarations = Of<AssignmentRefused>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, other.Id, Guid.NewGuid(), new HelperDeclarations(true, false, true)))).Single();
        Assert.Contains(withoutDeclarations.Reasons, r => r.Contains("nicht im selben Haushalt lebt", StringComparison.Ordinal));

        var started = Of<AssignmentStarted>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, other.Id, Guid.NewGuid(), new HelperDeclarations(true, true, true)))).Single();
        Assert.Equal(("nachbarschaftshilfe", "stundensatz", other.Id), (started.RoleProfileKey, started.CompensationModelKey, started.VolunteerId));

        var ended = Of<AssignmentEnded>(await app.PublishAndTrackAsync(new CaseClosed(Guid.NewGuid(), default, request.CaseId, Today.PlusDays(20)))).Single();
        Assert.Equal(started.AssignmentId, ended.AssignmentId);
    }

    [Fact]
    public async Task Withdrawn_neighbour_help_ends_its_running_assignment_once_and_takes_no_further_choice()
    {
        var (helper, _) = await app.VolunteerAsync("Rückzug", "Hartha", ["besuchsdienst"]);
        var request = new NeighbourHelpRequested(Guid.NewGuid(), default, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Hartha",
            new ResidentAddress("Markt", "7", null), "besuchsdienst", "Gesellschaft", 4, null, Today);
        await app.PublishAndTrackAsync(request);
        var started = Of<AssignmentStarted>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, helper.Id, Guid.NewGuid(), new HelperDeclarations(true, true, true)))).Single();

        var withdrawal = new NeighbourHelpWithdrawn(Guid.NewGuid(), default, request.RequestId, "Die Tochter übernimmt die Besuche.");
        var ended = Of<AssignmentEnded>(await app.PublishAndTrackAsync(withdrawal)).Single();
        var repeated = await app.PublishAndTrackAsync(withdrawal with { MessageId = Guid.NewGuid() });
        var refused = Of<AssignmentRefused>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, helper.Id, Guid.NewGuid(), new HelperDeclarations(true, true, true)))).Single();

        Assert.Equal((started.AssignmentId, Today, "Nachbarschaftshilfe zurückgezogen"), (ended.AssignmentId, ended.EndedOn, ended.Reason));
        Assert.Empty(Of<AssignmentEnded>(repeated));
        Assert.Contains("Die Nachbarschaftshilfe wurde zurückgezogen.", refused.Reasons);
        Assert.DoesNotContain(await app.AllAsync<Assignment>(), a => a.RequestId == request.RequestId && a.Status == AssignmentStatus.Active);
    }

    [Fact]
    public async Task A_section_45a_assignment_beyond_40_hours_a_month_is_refused()
    {
        var (helper, _) = await app.VolunteerAsync("Fleißig", "Hartha", ["nachbarschaftshilfe"]);
        await app.StoreAsync(new Assignment
        {
            VolunteerId = helper.Id, RoleProfileKey = "nachbarschaftshilfe", CompensationModelKey = "stundensatz", Street = "Markt", HouseNumber = "1",
            Description = "Haushalt", HoursPerMonth = 35, StartsOn = Today.PlusDays(-30), CaseId = Guid.NewGuid(), RequestId = Guid.NewGuid(),
        });
        var request = new NeighbourHelpRequested(Guid.NewGuid(), default, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Hartha",
            new ResidentAddress("Markt", "5", null), "nachbarschaftshilfe", "Haushalt", 10, null, Today);
        await app.PublishAndTrackAsync(request);

        var refused = Of<AssignmentRefused>(await app.PublishAndTrackAsync(
            new HelperChosen(Guid.NewGuid(), default, request.RequestId, helper.Id, Guid.NewGuid(), new HelperDeclarations(true, true, true)))).Single();

        Assert.Contains(refused.Reasons, r => r.Contains("40 Stunden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Visit_logs_refuse_bad_input_in_German_and_a_confirmed_log_is_published()
    {
        var (helper, client) = await app.VolunteerAsync("Logger", activeRoles: ["besuchsdienst"]);
        var assignment = new Assignment
        {
            VolunteerId = helper.Id, RoleProfileKey = "besuchsdienst", CompensationModelKey = "unentgeltlich", Street = "Ritterstraße", HouseNumber = "2",
            Description = "Besuch und Vorlesen", HoursPerMonth = 4, StartsOn = Today.PlusDays(-10), CaseId = Guid.NewGuid(), RequestId = Guid.NewGuid(),
        };
        await app.StoreAsync(assignment);

        async Task<Dictionary<string, string[]>> Bad(object body) => await (await client.PostJsonAsync("/api/volunteers/me/activities", body)).FieldErrorsAsync();
        Assert.Contains("mehr als 0", (await Bad(Log(assignment.Id, minutes: 0)))["minutes"][0], StringComparison.Ordinal);
        Assert.Contains("12 Stunden", (await Bad(Log(assignment.Id, minutes: 721)))["minutes"][0], StringComparison.Ordinal);
        Assert.Contains("Zukunft", (await Bad(Log(assignment.Id, date: "2026-03-03")))["date"][0], StringComparison.Ordinal);
        Assert.Contains("Beginn des Einsatzes", (await Bad(Log(assignment.Id, date: "2026-02-01")))["date"][0], StringComparison.Ordinal);
        Assert.Contains("Einsätze", (await Bad(Log(Guid.NewGuid())))["assignmentId"][0], StringComparison.Ordinal);
        Assert.Contains("höchstens 500 Zeichen", (await Bad(Log(assignment.Id, note: new string('x', 501))))["note"][0], StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AllAsync<ActivityLog>(), l => l.VolunteerId == helper.Id);

        var logged = await (await client.PostJsonAsync("/api/volunteers/me/activities", Log(assignment.Id))).JsonAsync(HttpStatusCode.Created);
        var logId = logged.GetProperty("id").GetGuid();
        var hours = await (await client.GetAsync("/api/volunteers/me/hours")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1.5m, hours.GetProperty("hours").GetDecimal());
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        var confirmed = await app.TrackAsync(async () => (await coordinator.PostJsonAsync("/api/volunteers/activities/confirm", new { ids = new[] { logId } })).EnsureSuccessStatusCode());

        var message = Of<ActivityConfirmed>(confirmed).Single();
        Assert.Equal((logId, 90, "besuch", assignment.Id), (message.ActivityId, message.Minutes, message.Kind, message.AssignmentId));
    }

    [Fact]
    public async Task A_volunteer_cannot_read_another_volunteers_profile_certificates_or_logs_and_sees_nothing_of_the_residents_health()
    {
        var (mine, me) = await app.VolunteerAsync("Neugierig");
        var (theirs, _) = await app.VolunteerAsync("Privat");
        await app.StoreAsync(new Assignment
        {
            VolunteerId = mine.Id, RoleProfileKey = "besuchsdienst", CompensationModelKey = "unentgeltlich", Street = "Bahnhofstraße", HouseNumber = "8",
            Description = "Besuch", HoursPerMonth = 2, StartsOn = Today, CaseId = Guid.NewGuid(), RequestId = Guid.NewGuid(),
        });

        foreach (var path in new[] { "", "/certificates", "/activities", "/enrolments", "/assignments" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/volunteers/{theirs.Id}{path}")).StatusCode);
        }

        var assignment = Assert.Single((await (await me.GetAsync($"/api/volunteers/{mine.Id}/assignments")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(["active", "description", "hoursPerMonth", "houseNumber", "id", "roleProfileKey", "startsOn", "street"],
            assignment.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_upload_that_is_not_a_PDF_or_image_or_is_over_10_MB_is_refused()
    {
        var (_, client) = await app.VolunteerAsync("Hochlader");

        var text = await (await client.PostJsonAsync("/api/volunteers/me/certificates",
            new { courseKey = Catalogue.Fuehrungszeugnis, issuedOn = "2026-01-10", fileName = "zeugnis.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String("kein PDF"u8.ToArray()) })).FieldErrorsAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF"u8.CopyTo(big);
        var tooBig = await (await client.PostJsonAsync("/api/volunteers/me/certificates",
            new { courseKey = Catalogue.Fuehrungszeugnis, issuedOn = "2026-01-10", fileName = "zeugnis.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(big) })).FieldErrorsAsync();

        Assert.Contains("PDF-Datei oder ein Bild", text["file"][0], StringComparison.Ordinal);
        Assert.Contains("10 MB", tooBig["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_edits_a_role_profile_on_its_page_with_inline_German_messages_and_a_volunteer_may_not()
    {
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        var (_, volunteer) = await app.VolunteerAsync("Rollenleser");
        const string page = "/Volunteers/RolleBearbeiten/einkaufshilfe";
        var form = await coordinator.GetStringAsync(page);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;

        var invalid = await coordinator.SubmitFormAsync(page,
            ("Input.Version", version), ("Input.Name", ""), ("Input.CompensationModelKey", "fahrtkosten"), ("Input.MaxHoursPerMonth", "300"),
            ("Input.MaxPeoplePerHelper", "2"));
        var html = await invalid.Content.ReadAsStringAsync();
        var saved = await coordinator.SubmitFormAsync(page,
            ("Input.Version", version), ("Input.Name", "Einkaufshilfe"), ("Input.Description", "Kauft ein."), ("Input.CompensationModelKey", "fahrtkosten"),
            ("Input.MaxHoursPerMonth", "12"), ("Input.MaxPeoplePerHelper", "4"), ("Input.Requirements", "erste-hilfe"));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie den Namen der Rolle ein.", html, StringComparison.Ordinal);
        Assert.Contains("zwischen 0 und 200", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var roles = await (await coordinator.GetAsync("/api/volunteers/roles")).JsonAsync(HttpStatusCode.OK);
        var role = roles.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "einkaufshilfe");
        Assert.Equal((12, "erste-hilfe"), (role.GetProperty("maxHoursPerMonth").GetInt32(), role.GetProperty("requirements")[0].GetString()));
        Assert.Contains((await volunteer.GetAsync(page)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
    }

    [Fact]
    public async Task Coordinator_reports_download_as_semicolon_CSV_with_a_byte_order_mark()
    {
        await app.VolunteerAsync("Übersicht", "Döbeln-Zentrum", ["besuchsdienst"]);
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);

        var bytes = await (await coordinator.GetAsync("/api/volunteers/reports/einsatzliste/csv")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Quartier;Rolle;Name;Status;Telefon;E-Mail\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Döbeln-Zentrum;Besuchsdienst;Test Übersicht;aktiv", text, StringComparison.Ordinal);
    }

    private static IEnumerable<T> Of<T>(ITrackedSession tracked)
        => tracked.Sent.MessagesOf<T>().Concat(tracked.NoRoutes.MessagesOf<T>()).Distinct();

    private static object Registration(string email, string phone = "03431 765432", string quartier = "Döbeln-Nord") => new
    {
        firstName = "Hanna", lastName = "Nachbar", email, phone, street = "Bahnhofstraße", houseNumber = "12", flat = "3. OG", quartier,
        birthDate = "1958-04-01", languages = new[] { "Deutsch", "Polnisch" }, availability = new[] { "di-vormittag" }, skills = "Vorlesen",
    };

    private static object Log(Guid assignmentId, int minutes = 90, string date = "2026-03-01", string? note = "Vorgelesen")
        => new { assignmentId, date, minutes, kind = "besuch", kilometres = 2.5m, note };
}
