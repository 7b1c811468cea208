using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Volunteers;

/// <summary>
/// A neighbour's way in, on a 360 px phone: registering from the sign-in page, the coordinator's confirmation, the
/// invitation mail and the first password, enrolling, booking a training session, the coordinator recording attendance
/// (the enrolment becomes active); then a case manager asks for neighbour help in the case's plan page, gets the neighbour
/// proposed and chooses them there; the neighbour sees the assignment, logs a visit, and the coordinator confirms it.
/// Everything through the pages; only the case itself is set up through Case Management's API. Screenshots of each page
/// are written as test artefacts.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class VolunteerJourneyTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private const string Email = "hanna.nachbar@beispiel.de";

    /// <summary>The managed list of Quartiere (and the demo network) come from the demo data.</summary>
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_neighbour_registers_is_trained_proposed_assigned_and_logs_a_visit_that_the_coordinator_confirms()
    {
        await using var phone = await chromium.NewSessionAsync(app, output, Screen.Phone);
        var page = phone.Page;

        // Registering from the sign-in page; a wrong phone number is shown inline and in the summary first.
        await phone.GotoAsync("/Anmelden");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Hier registrieren") }).ClickAsync();
        await Expect(phone.MainHeading).ToHaveTextAsync("Als Nachbar:in mitmachen");
        await page.GetByLabel("Vorname", new() { Exact = true }).FillAsync("Hanna");
        await page.GetByLabel("Nachname", new() { Exact = true }).FillAsync("Nachbar");
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(Email);
        await page.GetByLabel("Telefon", new() { Exact = true }).FillAsync("abc");
        await page.GetByLabel("Straße", new() { Exact = true }).FillAsync("Ritterstraße");
        await page.GetByLabel("Hausnummer", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync("Döbeln-Nord");
        await page.GetByLabel("Geburtsdatum", new() { Exact = true }).FillAsync("1958-04-01");
        await page.GetByLabel("Sprachen", new() { Exact = true }).FillAsync("Deutsch, Polnisch");
        await page.GetByRole(AriaRole.Group, new() { Name = "Wann haben Sie in der Woche Zeit?" }).GetByLabel("nachmittags").First.CheckAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("gültige Telefonnummer");
        await Expect(page.Locator("#e-phone")).ToContainTextAsync("gültige Telefonnummer");
        await phone.ScreenshotAsync("ehrenamt-registrieren-fehler");
        await page.GetByLabel("Telefon", new() { Exact = true }).FillAsync("03431 765432");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vielen Dank für Ihre Anmeldung!");
        await phone.ScreenshotAsync("ehrenamt-registriert");

        // The coordinator confirms and creates a first-aid session for today.
        await using var desk = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await desk.SignInAsAsync(Roles.Koordination, "Katrin Koordinatorin");
        await desk.GotoAsync("/Volunteers/Koordination");
        await Expect(desk.MainHeading).ToHaveTextAsync("Koordination Ehrenamt");
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen und einladen Hanna Nachbar" }).ClickAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Anmeldung ist bestätigt");
        await desk.Page.GetByLabel("Schulung", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Erste Hilfe" });
        await desk.Page.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2026-03-02T14:00");
        await desk.Page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Gemeindehaus Nord, Raum 2");
        await desk.Page.GetByLabel("Plätze", new() { Exact = true }).FillAsync("8");
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Termin anlegen" }).ClickAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Termin ist angelegt.");
        await desk.AssertNoHorizontalScrollingAsync();

        // The invitation mail's link sets the first password; then the neighbour signs in.
        var mail = await Eventually.UntilAsync(() => Task.FromResult(ReceivedMail.FromPickupDirectory(app.MailPickupDirectory).FirstOrDefault(m => m.To.Any(t => t.Address == Email))),
            m => m is not null, "the invitation mail");
        var link = InvitationLink().Match(mail!.TextBody).Value;
        await phone.GotoAsync(link);
        await Expect(phone.MainHeading).ToHaveTextAsync("Passwort festlegen");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(TestUser.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Passwort ist gespeichert.");
        await phone.SignInAsync(Email, TestUser.Password);

        // Enrolling for the driving service: first aid is missing; booking the session.
        await phone.GotoAsync("/Volunteers");
        await Expect(phone.MainHeading).ToHaveTextAsync("Ehrenamt");
        await page.GetByLabel("Für eine Rolle eintragen", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fahrdienst" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintragen", Exact = true }).ClickAsync();
        var role = page.Locator(".card").Filter(new() { HasText = "Fahrdienst" });
        await Expect(role).ToContainTextAsync("Es fehlt noch: Erste Hilfe");
        var session = page.Locator(".card").Filter(new() { HasText = "Gemeindehaus Nord, Raum 2" });
        await session.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Buchen") }).ClickAsync();
        await Expect(session).ToContainTextAsync("Ihr Platz: gebucht");
        await Expect(session.GetByRole(AriaRole.Link, new() { Name = "In den Kalender (.ics)" })).ToBeVisibleAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("ehrenamt-schulung-gebucht");

        // The coordinator records attendance: the certificate makes the enrolment active.
        await desk.GotoAsync("/Volunteers/Koordination");
        var training = desk.Page.Locator(".card").Filter(new() { HasText = "Gemeindehaus Nord, Raum 2" });
        await training.GetByLabel("Hanna Nachbar").CheckAsync();
        await training.GetByRole(AriaRole.Button, new() { Name = "Teilnahme erfassen" }).ClickAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Teilnahme ist erfasst");
        await page.ReloadAsync();
        await Expect(role).ToContainTextAsync("Fahrdienst: aktiv");

        // A case manager plans neighbour help for a resident in Döbeln-Nord on her phone: she is proposed (with the
        // reason), chosen with the three declarations, and the assignment starts.
        var caseManager = await app.CreateUserAsync(Roles.Fallmanagement, "Jana Fröhlich");
        var caseId = await new CaseManagementApi(await app.SignedInClientAsync(caseManager)).OpenCaseForNeighbourHelpAsync("Döbeln-Nord");
        await using var office = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await office.SignInAsync(caseManager);
        await office.GotoAsync($"/CaseManagement/Faelle/{caseId}/Plan");
        var problem = office.Page.GetByRole(AriaRole.Region, new() { Name = "Pflegebedarf", Exact = true });
        await problem.GetByText("Maßnahme hinzufügen", new() { Exact = true }).ClickAsync();
        var newStep = problem.Locator("form").Filter(new() { Has = office.Page.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen", Exact = true }) });
        await newStep.GetByLabel("Art der Maßnahme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nachbarschaftshilfe" });
        await newStep.GetByLabel("Titel", new() { Exact = true }).FillAsync("Fahrdienst zur Hausärztin");
        await newStep.GetByLabel("Zuständig", new() { Exact = true }).FillAsync("Jana Fröhlich");
        await newStep.GetByLabel("Rollenprofil", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fahrdienst" });
        await newStep.GetByLabel("Beschreibung der Hilfe", new() { Exact = true }).FillAsync("Fahrten zur Hausärztin, alle zwei Wochen");
        await newStep.GetByLabel("Stunden im Monat (höchstens 40)", new() { Exact = true }).FillAsync("4");
        await newStep.GetByLabel("Wunschzeiten (optional)", new() { Exact = true }).FillAsync("Dienstag nachmittags");
        await newStep.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2026-03-02");
        await newStep.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen", Exact = true }).ClickAsync();
        await Expect(office.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Die Nachbarschaftshilfe ist angefragt." })).ToBeVisibleAsync();

        var step = problem.GetByRole(AriaRole.Article, new() { Name = "Fahrdienst zur Hausärztin", Exact = true });
        var hanna = step.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Hanna Nachbar") });
        await Eventually.UntilAsync(async () =>
        {
            await office.Page.ReloadAsync();
            return await hanna.CountAsync() > 0;
        }, "the proposals on the plan page");
        await Expect(step).ToContainTextAsync("Wohnt im selben Quartier (Döbeln-Nord)");
        await office.AssertNoHorizontalScrollingAsync();
        await office.ScreenshotAsync("ehrenamt-vorschlaege");
        await hanna.CheckAsync();
        await step.GetByRole(AriaRole.Checkbox, new() { Name = "Nicht bis zum 2. Grad verwandt oder verschwägert" }).CheckAsync();
        await step.GetByRole(AriaRole.Checkbox, new() { Name = "Lebt nicht im selben Haushalt" }).CheckAsync();
        await step.GetByRole(AriaRole.Checkbox, new() { Name = "Ist nicht die eingetragene Pflegeperson" }).CheckAsync();
        await step.GetByRole(AriaRole.Button, new() { Name = "Helfer:in wählen" }).ClickAsync();
        var state = step.Locator("dl > dt:text-is(\"Stand\") + dd");
        await Expect(state).ToHaveTextAsync(new Regex("^(Helfer:in gewählt, Einsatz wird eingerichtet|Einsatz läuft) – Hanna Nachbar$"));
        await Eventually.UntilAsync(async () =>
        {
            await office.Page.ReloadAsync();
            return (await state.InnerTextAsync()).Trim() == "Einsatz läuft – Hanna Nachbar";
        }, "the assignment started on the plan page");
        await office.ScreenshotAsync("ehrenamt-einsatz-laeuft");

        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByText("Lessingstraße 7: Fahrten zur Hausärztin").CountAsync() > 0;
        }, "the assignment on the volunteer's page");
        await Expect(page.GetByText("2. OG")).ToHaveCountAsync(0);

        // Logging a visit on the phone.
        await page.GetByLabel("Dauer in Minuten", new() { Exact = true }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einsatz eintragen" }).ClickAsync();
        await Expect(page.Locator("#e-minutes")).ToContainTextAsync("mehr als 0");
        await page.GetByLabel("Dauer in Minuten", new() { Exact = true }).FillAsync("75");
        await page.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fahrt" });
        await page.GetByLabel("Gefahrene Kilometer (freiwillig)", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Kurze Notiz (freiwillig, höchstens 500 Zeichen)", new() { Exact = true }).FillAsync("Zur Praxis und zurück.");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("ehrenamt-einsatz-eintragen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einsatz eintragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Einsatz ist eingetragen.");
        await Expect(page.GetByText("Fahrt, 75 Minuten – eingereicht")).ToBeVisibleAsync();

        // The coordinator confirms it; the volunteer sees it confirmed.
        await desk.GotoAsync("/Volunteers/Koordination");
        await desk.Page.GetByLabel(new Regex("Hanna Nachbar, 02.03.2026: Fahrt, 75 Minuten")).CheckAsync();
        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Ausgewählte bestätigen" }).ClickAsync();
        await Expect(desk.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Einsatznachweise sind bestätigt.");
        await desk.ScreenshotAsync("ehrenamt-koordination");
        await page.ReloadAsync();
        await Expect(page.GetByText("Fahrt, 75 Minuten – bestätigt")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("ehrenamt-uebersicht");
    }

    [Fact]
    public async Task Every_volunteer_and_coordination_page_fits_a_360_px_phone_and_a_refused_upload_focuses_the_error_summary()
    {
        var logId = await DemoVisitLogAsync();
        await using var phone = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await phone.SignInAsync(DemoAccounts.Ehrenamt.Email, DemoAccounts.Password);
        foreach (var path in new[] { "/Volunteers", "/Volunteers/Profil", "/Volunteers/Nachweise", "/Volunteers/Rollen", $"/Volunteers/Einsatznachweis/{logId}" })
        {
            await phone.GotoAsync(path);
            await Expect(phone.MainHeading).ToHaveCountAsync(1);
            await phone.AssertNoHorizontalScrollingAsync();
        }

        // Uploading without a file: the message is inline and in the summary, which has the focus (no script needed for either).
        await phone.GotoAsync("/Volunteers/Nachweise");
        await phone.Page.GetByLabel("Nachweis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Erweitertes Führungszeugnis" });
        await phone.Page.GetByLabel("Ausgestellt am", new() { Exact = true }).FillAsync("2026-01-10");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Nachweis hochladen" }).ClickAsync();
        await Expect(phone.Page.Locator("#e-upload")).ToContainTextAsync("Bitte wählen Sie eine Datei.");
        await Expect(phone.Page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("ehrenamt-nachweis-fehler");
        await phone.GotoAsync($"/Volunteers/Einsatznachweis/{logId}");
        await phone.ScreenshotAsync("ehrenamt-einsatznachweis-korrigieren");

        await using var desk = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await desk.SignInAsAsync(Roles.Koordination, "Katrin Koordinatorin");
        var coordination = new[] { "/Volunteers/Koordination", "/Volunteers/Rollen", "/Volunteers/RolleBearbeiten", "/Volunteers/RolleBearbeiten/nachbarschaftshilfe" }
            .Concat(new[] { "einsatzliste", "ablaufende-nachweise", "unbestaetigte-nachweise", "ohne-aktivitaet", "schulungsstunden" }.Select(k => $"/Volunteers/Auswertung/{k}"));
        foreach (var path in coordination)
        {
            await desk.GotoAsync(path);
            await Expect(desk.MainHeading).ToHaveCountAsync(1);
            await desk.AssertNoHorizontalScrollingAsync();
        }

        await desk.GotoAsync("/Volunteers/RolleBearbeiten/nachbarschaftshilfe");
        await desk.ScreenshotAsync("ehrenamt-rollenprofil-bearbeiten");
    }

    /// <summary>A returned visit log of the demo Ehrenamt login (Gerda Schubert) from the demo data.</summary>
    private Task<Guid> DemoVisitLogAsync() => app.InScopeAsync(async services =>
    {
        var session = services.GetRequiredService<Marten.IQuerySession>();
        var volunteer = await Marten.QueryableExtensions.FirstAsync(session.Query<QuartierPflege.Volunteers.Domain.Volunteer>(), v => v.UserId == DemoAccounts.Ehrenamt.Id);
        var log = await Marten.QueryableExtensions.FirstAsync(session.Query<QuartierPflege.Volunteers.Domain.ActivityLog>(),
            l => l.VolunteerId == volunteer.Id && l.State == QuartierPflege.Volunteers.Domain.ActivityState.Returned);
        return log.Id;
    });

    [GeneratedRegex(@"/Einladung\?\S+")]
    private static partial Regex InvitationLink();
}
