using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.CaseManagement;

/// <summary>
/// The whole case work in the real UI: a volunteer's concern becomes a case, the case manager records the consents,
/// visits, plans (Wege-Hilfe-Plan with a referral and neighbour help), sets a follow-up, sees it on the dashboard and
/// closes the case with an outcome per problem. Screenshots of every main page are written as test artefacts.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class CaseJourneyTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private const string Resident = "Elfriede Brandt";
    private const string CaseManager = "Jana Fröhlich";
    private const string Volunteer = "Gerda Schulze";
    private const string Loneliness = "Vereinsamung";
    private const string CareNeed = "Pflegebedarf";
    private const string ReferralTitle = "Ambulanter Pflegedienst für die Körperpflege";
    private const string NeighbourHelpTitle = "Besuchsdienst einmal pro Woche";
    private const string FollowUpTitle = "Rückmeldung des Pflegedienstes nachfassen";

    /// <summary>The demo partner network (the real partner directory serves it); nothing of the journey itself.</summary>
    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_case_manager_takes_a_concern_through_the_whole_Wege_Hilfe_Plan_to_closing()
    {
        var namesake = await NamesakeOnFileAsync();
        await ReportConcernAsVolunteerOnAPhoneAsync();

        await using var office = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        var caseManager = await office.SignInAsAsync(Roles.Fallmanagement, CaseManager);
        var page = office.Page;

        // The concern queue: the volunteer's concern is there.
        await office.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Fallmanagement");
        await AreaNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Hinweise (Eingang)", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Offene Hinweise");
        var concern = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Resident });
        await Expect(concern).ToContainTextAsync($"von {Volunteer}");
        await Expect(concern).ToContainTextAsync("Lessingstraße 7, 2. OG links");
        await Expect(concern).ToContainTextAsync("Briefkasten quillt über");
        await office.ScreenshotAsync("hinweise");

        // Triage: the only Elfriede Brandt on file lives elsewhere, so the resident is created first; the case is opened next.
        await concern.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bearbeiten") }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Hinweis bearbeiten");
        await page.GetByLabel("Bewohner:in suchen (Name enthält)", new() { Exact = true }).FillAsync("Brandt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Brandt, Elfriede" })).ToContainTextAsync("Ritterstraße 3");
        await office.ScreenshotAsync("hinweis-bearbeiten");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bewohner:in zuerst anlegen", Exact = true }).ClickAsync();

        await Expect(office.MainHeading).ToHaveTextAsync("Bewohner:in anlegen");
        await Expect(page.GetByText("Nach dem Speichern eröffnen Sie den Fall zu dem Hinweis.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Der Hinweis" })).ToContainTextAsync("ihr Briefkasten quillt über");
        await Expect(page.GetByLabel("Nachname", new() { Exact = true })).ToHaveValueAsync("Brandt");
        await FillResidentAsync(page);
        await office.ScreenshotAsync("bewohner-neu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();

        // Same name, same birth date: the file that may be hers is offered first; she is another person, so on deliberately.
        await Expect(office.MainHeading).ToHaveTextAsync("Bewohner:in anlegen");
        var maybe = page.GetByRole(AriaRole.Region, new() { Name = "Vielleicht schon erfasst", Exact = true });
        await Expect(maybe.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new Regex("^Elfriede Brandt, geboren am 14\\.05\\.1941, Ritterstraße 3"));
        await Expect(maybe.GetByRole(AriaRole.Link, new() { Name = Resident, Exact = true })).ToHaveAttributeAsync("href", $"/CaseManagement/Bewohner/{namesake}");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Diese Person ist vielleicht schon erfasst");
        await Expect(page.GetByLabel("Straße", new() { Exact = true })).ToHaveValueAsync("Lessingstraße");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Der Hinweis" })).ToContainTextAsync("ihr Briefkasten quillt über");
        await office.ScreenshotAsync("bewohner-vielleicht-erfasst");
        await office.AssertNoHorizontalScrollingAsync();
        await maybe.GetByRole(AriaRole.Checkbox, new() { Name = "Es ist eine andere Person – trotzdem neu anlegen", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();

        // Without the consent to store data no case can be opened; the page says so and links to the consents.
        await Expect(office.MainHeading).ToHaveTextAsync("Fall eröffnen");
        var missingConsent = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Es fehlt die Einwilligung" });
        await Expect(missingConsent).ToContainTextAsync("Es fehlt die Einwilligung „Daten speichern“.");
        await missingConsent.GetByRole(AriaRole.Link, new() { Name = "Einwilligung erfassen", Exact = true }).ClickAsync();

        // The consent step returns to "Fall eröffnen" with the concern still attached.
        await Expect(office.MainHeading).ToHaveTextAsync($"Einwilligungen von {Resident}");
        await Expect(page.GetByText("Es sind noch keine Einwilligungen erfasst.")).ToBeVisibleAsync();
        var consentsUrl = page.Url.Split('?')[0];
        await GiveConsentAsync(page, "Daten speichern", expectedNotice: false);
        await Expect(office.MainHeading).ToHaveTextAsync("Fall eröffnen");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Aus diesem Hinweis" })).ToContainTextAsync("ihr Briefkasten quillt über");
        await Expect(page.GetByText("Es fehlt die Einwilligung")).ToHaveCountAsync(0);
        var openingUrl = page.Url;

        // Further consents: sharing with every Pflegedienst, involving neighbours (verbally, with a witness).
        await page.GotoAsync(consentsUrl);
        await GiveConsentAsync(page, "Weitergabe an Netzwerkpartner", serviceCategory: "Pflegedienst");
        await GiveConsentAsync(page, "Nachbarschaftshilfe einbeziehen", witness: "Sabine Brandt");
        var consents = page.GetByRole(AriaRole.Table, new() { Name = "Erteilte und widerrufene Einwilligungen" });
        foreach (var (purpose, given) in new[]
                 {
                     ("Daten speichern", "am 02.03.2026, schriftlich"),
                     ("Weitergabe an Netzwerkpartner (Pflegedienst)", "am 02.03.2026, schriftlich"),
                     ("Nachbarschaftshilfe einbeziehen", "am 02.03.2026, mündlich mit Zeugin/Zeuge (Zeug:in: Sabine Brandt)"),
                 })
        {
            var row = consents.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = purpose, Exact = true }) });
            var cells = row.GetByRole(AriaRole.Cell);
            foreach (var (text, index) in new[] { purpose, given, $"{CaseManager}, 02.03.2026 09:00 Uhr", "gültig" }.Select((t, i) => (t, i)))
            {
                await Expect(cells.Nth(index)).ToHaveTextAsync(text);
            }

            // Withdrawing asks for the day and the form, behind a summary that names the consent.
            await Expect(cells.Nth(4).Locator("summary")).ToHaveTextAsync($"Widerrufen: {purpose}");
        }

        await office.ScreenshotAsync("einwilligungen");

        // Back to "Fall eröffnen", the concern still attached.
        await page.GotoAsync(openingUrl);
        await Expect(office.MainHeading).ToHaveTextAsync("Fall eröffnen");
        await Expect(page.GetByText("Der Hinweis wird Teil des Falls.", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("Es fehlt die Einwilligung")).ToHaveCountAsync(0);
        await office.ScreenshotAsync("fall-eroeffnen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall eröffnen", Exact = true }).ClickAsync();

        // The case overview, with its number.
        await Expect(office.MainHeading).ToHaveTextAsync(new Regex($"^Fall F-\\d{{4}}-\\d{{4}}: {Resident}$"));
        var caseNumber = Regex.Match(await office.MainHeading.InnerTextAsync(), @"^Fall (\S+):").Groups[1].Value;
        var caseFacts = page.GetByRole(AriaRole.Region, new() { Name = "Fall", Exact = true });
        await Expect(Fact(caseFacts, "Fallnummer")).ToHaveTextAsync(caseNumber);
        await Expect(Fact(caseFacts, "Status")).ToHaveTextAsync("Offen");
        await Expect(Fact(caseFacts, "Eröffnet am")).ToHaveTextAsync("02.03.2026");
        await Expect(Fact(caseFacts, "Fallverantwortlich")).ToHaveTextAsync(CaseManager);
        await office.ScreenshotAsync("fall-ueberblick");
        var caseUrl = page.Url;

        // The home visit at the resident's kitchen table, on the case manager's phone.
        await using (var phone = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await phone.SignInAsync(caseManager);
            await phone.GotoAsync(caseUrl);
            await CaseTab(phone.Page, "Hausbesuche").ClickAsync();
            await FillHomeVisitAsync(phone);
        }

        await CaseTab(page, "Hausbesuche").ClickAsync();
        var visit = page.GetByRole(AriaRole.Region, new() { Name = $"Besuch am 02.03.2026 von {CaseManager}", Exact = false });
        await Expect(visit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Einsamkeit und soziale Kontakte" })).ToContainTextAsync("auffällig");
        await Expect(visit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stürze" })).ToContainTextAsync("auffällig");
        await Expect(visit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Stürze" })).ToContainTextAsync("Sturz im Januar auf der Kellertreppe.");
        await Expect(visit.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mobilität" })).ToContainTextAsync("–");
        await Expect(visit).ToContainTextAsync("Freundlicher Empfang, Kaffee in der Küche.");
        await office.ScreenshotAsync("hausbesuch");

        // The Wege-Hilfe-Plan: two problems, each with the ways considered, the way chosen with the resident and why.
        await CaseTab(page, "Wege-Hilfe-Plan").ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync($"Wege-Hilfe-Plan Fall {caseNumber} – {Resident}");
        await Expect(page.GetByText("Noch keine Problemlagen.")).ToBeVisibleAsync();
        await AddProblemAsync(
            page,
            Loneliness,
            "Seit dem Tod ihres Mannes hat Frau Brandt kaum noch Kontakt zu anderen Menschen.",
            ["Besuchsdienst durch die Nachbarschaftshilfe", "Seniorentreff im Quartier", "Telefonkette der Kirchgemeinde"],
            "Besuchsdienst durch die Nachbarschaftshilfe",
            "Frau Brandt möchte lieber zu Hause besucht werden, als in eine Gruppe zu gehen.");
        await AddProblemAsync(
            page,
            CareNeed,
            "Nach einem Sturz im Winter fallen Körperpflege und Treppensteigen schwer.",
            [ReferralTitle, "Umzug in eine barrierefreie Wohnung", "Die Tochter übernimmt die Pflege"],
            ReferralTitle,
            "Frau Brandt will in ihrer Wohnung bleiben; die Tochter wohnt zu weit weg.");

        // A referral to a partner for the care need, neighbour help for the loneliness.
        var careNeed = Problem(page, CareNeed);
        var referralForm = await OpenNewStepFormAsync(careNeed);
        await referralForm.GetByLabel("Art der Maßnahme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vermittlung" });
        await referralForm.GetByLabel("Titel", new() { Exact = true }).FillAsync(ReferralTitle);
        await referralForm.GetByLabel("Zuständig", new() { Exact = true }).FillAsync(CaseManager);
        await referralForm.GetByLabel("Netzwerkpartner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pflegedienst Muldental gGmbH (Pflegedienst)" });
        await referralForm.GetByLabel("Leistungsart", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pflegedienst" });
        await referralForm.GetByLabel("Zusammenfassung für den Partner (mit der Bewohner:in abgestimmt)", new() { Exact = true })
            .FillAsync("Frau Brandt (84) braucht Hilfe bei der Körperpflege, morgens, zweimal pro Woche.");
        await referralForm.GetByRole(AriaRole.Checkbox, new() { Name = "Kontaktdaten weitergeben (Name, Anschrift, Telefon)", Exact = true }).CheckAsync();
        await referralForm.GetByLabel("Antwort erbeten bis (optional)", new() { Exact = true }).FillAsync("2026-03-09");
        await office.ScreenshotAsync("plan-vermittlung-anlegen");
        await referralForm.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen", Exact = true }).ClickAsync();
        await Expect(Notice(page, "Die Vermittlung ist angelegt und an den Netzwerkpartner gesendet.")).ToBeVisibleAsync();

        var loneliness = Problem(page, Loneliness);
        var helpForm = await OpenNewStepFormAsync(loneliness);
        await helpForm.GetByLabel("Art der Maßnahme", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nachbarschaftshilfe" });
        await helpForm.GetByLabel("Titel", new() { Exact = true }).FillAsync(NeighbourHelpTitle);
        await helpForm.GetByLabel("Zuständig", new() { Exact = true }).FillAsync(CaseManager);
        await helpForm.GetByLabel("Rollenprofil", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Besuchsdienst" });
        await helpForm.GetByLabel("Beschreibung der Hilfe", new() { Exact = true }).FillAsync("Gespräche, kleine Spaziergänge, gemeinsam Kaffee trinken.");
        await helpForm.GetByLabel("Stunden im Monat (höchstens 40)", new() { Exact = true }).FillAsync("8");
        await helpForm.GetByLabel("Wunschzeiten (optional)", new() { Exact = true }).FillAsync("nachmittags");
        await helpForm.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2026-03-09");
        await helpForm.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen", Exact = true }).ClickAsync();
        await Expect(Notice(page, "Die Nachbarschaftshilfe ist angefragt. Vorschläge werden gesucht …")).ToBeVisibleAsync();

        // The plan shows both problems with their ways and the two steps waiting for an answer.
        await ExpectProblemAsync(page, Loneliness, "Besuchsdienst durch die Nachbarschaftshilfe",
            "Besuchsdienst durch die Nachbarschaftshilfe", "Seniorentreff im Quartier", "Telefonkette der Kirchgemeinde");
        await ExpectProblemAsync(page, CareNeed, ReferralTitle,
            ReferralTitle, "Umzug in eine barrierefreie Wohnung", "Die Tochter übernimmt die Pflege");
        var referral = Step(careNeed, ReferralTitle);
        await Expect(Fact(referral, "Art")).ToHaveTextAsync("Vermittlung");
        await Expect(Fact(referral, "Status")).ToHaveTextAsync("wartet");
        await Expect(Fact(referral, "Netzwerkpartner")).ToHaveTextAsync("Pflegedienst Muldental gGmbH (Pflegedienst)");
        await Expect(Fact(referral, "Vermittlung")).ToHaveTextAsync("gesendet");
        await Expect(Fact(referral, "Weitergegeben")).ToHaveTextAsync("Frau Brandt (84) braucht Hilfe bei der Körperpflege, morgens, zweimal pro Woche. (mit Kontaktdaten)");
        await Expect(Fact(referral, "Antwort erbeten bis")).ToHaveTextAsync("09.03.2026");
        var neighbourHelp = Step(loneliness, NeighbourHelpTitle);
        await Expect(Fact(neighbourHelp, "Art")).ToHaveTextAsync("Nachbarschaftshilfe");
        await Expect(Fact(neighbourHelp, "Status")).ToHaveTextAsync("wartet");
        await Expect(Fact(neighbourHelp, "Nachbarschaftshilfe")).ToHaveTextAsync("Besuchsdienst, 8 Std./Monat ab 09.03.2026");
        // The Volunteers module answers on its own queue: the demo neighbours may already be proposed.
        await Expect(Fact(neighbourHelp, "Stand")).ToHaveTextAsync(new Regex("^Vorschläge (werden gesucht …|liegen vor)$"));
        await office.ScreenshotAsync("plan");

        // A follow-up due today.
        await CaseTab(page, "Wiedervorlagen").ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync($"Wiedervorlagen: Fall {caseNumber}, {Resident}");
        await Expect(page.GetByText("Für diesen Fall gibt es noch keine Wiedervorlagen.")).ToBeVisibleAsync();
        await page.GetByLabel("Fällig am", new() { Exact = true }).FillAsync("2026-03-02");
        await page.GetByLabel("Worum es geht", new() { Exact = true }).FillAsync(FollowUpTitle);
        await page.GetByLabel("Notiz (freiwillig)", new() { Exact = true }).FillAsync("Antwort bis 09.03. erbeten; sonst anrufen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wiedervorlage anlegen", Exact = true }).ClickAsync();
        await Expect(Notice(page, $"Die Wiedervorlage „{FollowUpTitle}“ ist angelegt.")).ToBeVisibleAsync();
        var followUp = page.GetByRole(AriaRole.Row).Filter(new() { HasText = FollowUpTitle });
        await Expect(followUp.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("02.03.2026");
        await Expect(followUp.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("offen");
        await office.ScreenshotAsync("wiedervorlagen");

        // The dashboard: today the follow-up is the case's next one ...
        await office.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Fallmanagement");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Überfällig (0)", Exact = true })).ToBeVisibleAsync();
        var caseRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = caseNumber });
        await Expect(caseRow.GetByRole(AriaRole.Cell)).ToHaveTextAsync([Resident, caseNumber, "Döbeln-Nord", "Offen", CaseManager, "02.03.2026", "02.03.2026"]);
        await Expect(AreaNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Meine Fälle", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        // ... and the next morning (yesterday's sign-in has expired) it is overdue, at the top of the dashboard.
        app.Clock.Advance(Duration.FromDays(1));
        await page.ReloadAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Anmelden");
        await office.SubmitSignInFormAsync(caseManager.Email, TestUser.Password);
        await Expect(page).ToHaveURLAsync(app.UrlOf("/CaseManagement"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Überfällig (1)", Exact = true })).ToBeVisibleAsync();
        var overdue = page.GetByRole(AriaRole.Region, new() { Name = "Überfällig (1)", Exact = true }).GetByRole(AriaRole.Listitem);
        await Expect(overdue).ToHaveTextAsync($"Wiedervorlage: {FollowUpTitle} – {Resident} ({caseNumber}), fällig seit 02.03.2026");
        await office.ScreenshotAsync("dashboard");
        await using (var phone = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await phone.SignInAsync(caseManager);
            await phone.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true }).ClickAsync();
            await Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = $"Wiedervorlage: {FollowUpTitle}", Exact = true })).ToBeVisibleAsync();
            await phone.ScreenshotAsync("dashboard");
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.Page.GetByRole(AriaRole.Link, new() { Name = Resident, Exact = true }).ClickAsync();
            await Expect(phone.MainHeading).ToHaveTextAsync($"Fall {caseNumber}: {Resident}");
            await phone.ScreenshotAsync("fall-ueberblick");
            await phone.AssertNoHorizontalScrollingAsync();
            await CaseTab(phone.Page, "Wege-Hilfe-Plan").ClickAsync();
            await Expect(Step(Problem(phone.Page, Loneliness), NeighbourHelpTitle)).ToBeVisibleAsync();
            await phone.ScreenshotAsync("plan");
            await phone.AssertNoHorizontalScrollingAsync();
        }

        // The concern left the queue when the case was opened from it.
        await AreaNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Hinweise (Eingang)", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync("Offene Hinweise");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Resident })).ToHaveCountAsync(0);

        // From the overdue item to the case's follow-ups; the follow-up is done.
        await AreaNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Meine Fälle", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Wiedervorlage: {FollowUpTitle}", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync($"Wiedervorlagen: Fall {caseNumber}, {Resident}");
        await Expect(followUp.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("02.03.2026 (überfällig)");
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Erledigt" }).ClickAsync();
        await Expect(Notice(page, "Die Wiedervorlage ist erledigt.")).ToBeVisibleAsync();
        await Expect(followUp.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(new Regex($"^erledigt von {CaseManager} am 03\\.03\\.2026"));

        // Closing: an outcome for each problem.
        await CaseTab(page, "Wege-Hilfe-Plan").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fall abschließen …", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync($"Fall abschließen Fall {caseNumber} – {Resident}");
        await CloseProblemAsync(page, Loneliness, "verbessert", "Der Besuchsdienst ist angefragt; Frau Brandt geht wieder zum Bäcker.");
        await CloseProblemAsync(page, CareNeed, "gelöst", "Der Pflegedienst kommt zweimal pro Woche.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Das endet mit dem Abschluss" }))
            .ToContainTextAsync("Vermittlung an Pflegedienst Muldental gGmbH");
        await page.GetByLabel("Grund des Abschlusses", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ziele erreicht" });
        await page.GetByLabel("Zusammenfassung", new() { Exact = true }).FillAsync("Besuchsdienst angefragt, Pflegedienst kommt; Frau Brandt ist versorgt.");
        await office.ScreenshotAsync("fall-abschliessen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall abschließen", Exact = true }).ClickAsync();

        await Expect(office.MainHeading).ToHaveTextAsync($"Wege-Hilfe-Plan Fall {caseNumber} – {Resident}");
        await Expect(Notice(page, "Der Fall ist am 03.03.2026 abgeschlossen.")).ToBeVisibleAsync();
        await Expect(Notice(page, "Der Fall wurde am 03.03.2026 abgeschlossen. Der Plan kann nicht mehr geändert werden.")).ToBeVisibleAsync();
        await Expect(Fact(Problem(page, Loneliness), "Ergebnis")).ToHaveTextAsync("verbessert Der Besuchsdienst ist angefragt; Frau Brandt geht wieder zum Bäcker.");
        await Expect(Fact(Problem(page, CareNeed), "Ergebnis")).ToHaveTextAsync("gelöst Der Pflegedienst kommt zweimal pro Woche.");
        // The referral that was still waiting is withdrawn by the close (the partner is told).
        var withdrawn = Step(Problem(page, CareNeed), ReferralTitle);
        await Expect(Fact(withdrawn, "Status")).ToHaveTextAsync("abgebrochen");
        await Expect(Fact(withdrawn, "Vermittlung")).ToHaveTextAsync("zurückgezogen");
        await Expect(Fact(withdrawn, "Begründung")).ToHaveTextAsync("Der Fall wurde abgeschlossen.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Neue Problemlage" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen" })).ToHaveCountAsync(0);
        await office.ScreenshotAsync("plan-abgeschlossen");

        await CaseTab(page, "Überblick").ClickAsync();
        await Expect(Fact(caseFacts, "Status")).ToHaveTextAsync("Abgeschlossen");
        await Expect(Fact(caseFacts, "Abgeschlossen am")).ToHaveTextAsync("03.03.2026");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Status ändern" })).ToHaveCountAsync(0);
        await office.ScreenshotAsync("fall-abgeschlossen");
        await office.AssertNoHorizontalScrollingAsync();

        // The concern's text stays with the case.
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Anlass") })).ToContainTextAsync("ihr Briefkasten quillt über");

        // Reopening, with a reason; then closing the list of open cases shows it again.
        await page.GotoAsync(caseUrl.Split('?')[0] + "/Abschliessen");
        await page.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Die Tochter meldet, dass der Pflegedienst abgesagt hat.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall wieder eröffnen", Exact = true }).ClickAsync();
        await Expect(Notice(page, "Der Fall ist wieder eröffnet. Die Begründung steht im Protokoll.")).ToBeVisibleAsync();
        await Expect(Fact(caseFacts, "Status")).ToHaveTextAsync("In Bearbeitung");
        await office.ScreenshotAsync("fall-wiedereroeffnet");

        // The reopened case is back on the dashboard's list of open cases.
        await office.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fälle (1)", Exact = true })).ToBeVisibleAsync();

        // A second open case for her needs a reason; without one the page asks for it and opens nothing.
        await page.GotoAsync(openingUrl.Split('&')[0]);
        await Expect(office.MainHeading).ToHaveTextAsync("Fall eröffnen");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = caseNumber, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall eröffnen", Exact = true }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToContainTextAsync($"Für {Resident} ist schon ein Fall offen ({caseNumber}). Ein zweiter offener Fall braucht eine Begründung");
        await office.ScreenshotAsync("zweiter-fall-begruendung");
        await office.AssertNoHorizontalScrollingAsync();
        await page.GetByLabel("Begründung für einen zweiten offenen Fall", new() { Exact = true }).FillAsync("Wohnungsräumung droht: eigener Fall mit dem Sozialamt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall eröffnen", Exact = true }).ClickAsync();
        await Expect(office.MainHeading).ToHaveTextAsync(new Regex($"^Fall F-\\d{{4}}-\\d{{4}}: {Resident}$"));
        await Expect(office.MainHeading).Not.ToHaveTextAsync($"Fall {caseNumber}: {Resident}");
        await CaseTab(page, "Protokoll").ClickAsync();
        await Expect(page.GetByText($"neben dem offenen Fall {caseNumber}. Begründung: Wohnungsräumung droht: eigener Fall mit dem Sozialamt.", new() { Exact = false })).ToBeVisibleAsync();
        await office.ScreenshotAsync("zweiter-fall-protokoll");
    }

    [Fact]
    public async Task Every_case_management_page_fits_a_phone_and_a_pasted_url_leaves_the_queue_buttons_in_view()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Mona Mobil");
        var api = await app.SignedInClientAsync(manager);
        var resident = await api.PostAsJsonAsync("/api/case-management/residents", new
        {
            firstName = "Hertha", lastName = "Handy", dateOfBirth = "1938-02-01", street = "Bahnhofstraße", houseNumber = "3",
            postalCode = "04720", city = "Döbeln", quartier = "Döbeln-Ost", careLevel = "Pflegegrad2", phone = "03431 123456",
            createDespiteDuplicates = true,
        });
        var residentId = (await resident.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/case-management/residents/{residentId}/consents", new { purpose = "StoreData", givenOn = "2026-03-01", form = "Written" })).EnsureSuccessStatusCode();
        var opened = await api.PostAsJsonAsync("/api/case-management/cases", new { residentId });
        var caseId = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var pasted = "https://example.org/" + new string('x', 280);
        (await api.PostAsJsonAsync("/api/case-management/concerns", new { residentName = "Herr Lang", residentAddress = "Lessingstraße 9", description = pasted })).EnsureSuccessStatusCode();

        foreach (var screen in new[] { Screen.Desktop, Screen.Phone })
        {
            await using var session = await chromium.NewSessionAsync(app, output, screen);
            await session.SignInAsync(manager);
            await session.GotoAsync(app.UrlOf("/CaseManagement/Hinweise"));
            var row = session.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Herr Lang" });
            // The queue is oldest first: scroll down to the row, then its button must lie within the screen's width.
            var button = row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bearbeiten") });
            await button.ScrollIntoViewIfNeededAsync();
            await Expect(button).ToBeInViewportAsync();
            var box = await button.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= screen.Width, $"The button lies at x={box?.X}, width {box?.Width} on a {screen.Width} px screen.");
            await session.AssertNoHorizontalScrollingAsync();
            await session.ScreenshotAsync("hinweise-langer-text");
        }

        await using var phone = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await phone.SignInAsync(manager);
        foreach (var path in new[]
                 {
                     "/CaseManagement/Heute", "/CaseManagement", "/CaseManagement/Hinweise", "/CaseManagement/Hinweise/Melden", "/CaseManagement/Bewohner",
                     "/CaseManagement/Bewohner/Neu", $"/CaseManagement/Bewohner/{residentId}", $"/CaseManagement/Bewohner/{residentId}/Bearbeiten",
                     $"/CaseManagement/Bewohner/{residentId}/Einwilligungen", "/CaseManagement/Faelle/Neu", $"/CaseManagement/Faelle/{caseId}",
                     $"/CaseManagement/Faelle/{caseId}/Hausbesuche", $"/CaseManagement/Faelle/{caseId}/Plan", $"/CaseManagement/Faelle/{caseId}/Wiedervorlagen",
                     $"/CaseManagement/Faelle/{caseId}/Journal", $"/CaseManagement/Faelle/{caseId}/Protokoll", $"/CaseManagement/Faelle/{caseId}/Abschliessen",
                 })
        {
            var response = await phone.GotoAsync(app.UrlOf(path));
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await phone.AssertNoHorizontalScrollingAsync();
        }

        // The duplicate warning, on a phone: a second Hertha Handy born the same day.
        await phone.GotoAsync(app.UrlOf("/CaseManagement/Bewohner/Neu"));
        var form = phone.Page;
        await form.GetByLabel("Vorname", new() { Exact = true }).FillAsync("Hertha");
        await form.GetByLabel("Nachname", new() { Exact = true }).FillAsync("Handy");
        await form.GetByLabel("Geburtsdatum", new() { Exact = true }).FillAsync("1938-02-01");
        await form.GetByLabel("Pflegegrad", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pflegegrad 2" });
        await form.GetByLabel("Straße", new() { Exact = true }).FillAsync("Am Lindenplatz");
        await form.GetByLabel("Hausnummer", new() { Exact = true }).FillAsync("12");
        await form.GetByLabel("Postleitzahl", new() { Exact = true }).FillAsync("04720");
        await form.GetByLabel("Ort", new() { Exact = true }).FillAsync("Döbeln");
        await form.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Döbeln-Ost" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Region, new() { Name = "Vielleicht schon erfasst", Exact = true })).ToContainTextAsync("Hertha Handy, geboren am 01.02.1938, Bahnhofstraße 3");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("bewohner-vielleicht-erfasst");

        // The telephone number is a link a phone can call.
        await phone.GotoAsync(app.UrlOf($"/CaseManagement/Faelle/{caseId}"));
        await Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = "03431 123456" })).ToHaveAttributeAsync("href", "tel:03431123456");
    }

    /// <summary>Another Elfriede Brandt, born the same day, already on file (a colleague recorded her; no case yet).</summary>
    private async Task<Guid> NamesakeOnFileAsync()
    {
        var colleague = await app.SignedInClientAsync(await app.CreateUserAsync(Roles.Fallmanagement, "Karl Kollege"));
        var created = await colleague.PostAsJsonAsync("/api/case-management/residents", new
        {
            firstName = "Elfriede", lastName = "Brandt", dateOfBirth = "1941-05-14", street = "Ritterstraße", houseNumber = "3",
            postalCode = "04720", city = "Döbeln", quartier = "Döbeln-Zentrum", careLevel = "None",
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A neighbour noticed something: reported on her phone through "Hinweis melden".</summary>
    private async Task ReportConcernAsVolunteerOnAPhoneAsync()
    {
        await using var volunteer = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await volunteer.SignInAsAsync(Roles.Ehrenamt, Volunteer);
        var page = volunteer.Page;
        await volunteer.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Hinweis melden", Exact = true }).ClickAsync();
        await Expect(volunteer.MainHeading).ToHaveTextAsync("Hinweis melden");
        await page.GetByLabel("Name der Person", new() { Exact = true }).FillAsync(Resident);
        await page.GetByLabel("Adresse (Straße, Hausnummer, Wohnung)", new() { Exact = true }).FillAsync("Lessingstraße 7, 2. OG links");
        await page.GetByLabel("Was ist Ihnen aufgefallen?", new() { Exact = true })
            .FillAsync("Frau Brandt war seit zwei Wochen nicht beim Bäcker, ihr Briefkasten quillt über. Sie wirkt sehr allein.");
        await volunteer.ScreenshotAsync("hinweis-melden");
        await volunteer.AssertNoHorizontalScrollingAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinweis senden", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vielen Dank für Ihren Hinweis!");
        await volunteer.ScreenshotAsync("hinweis-gemeldet");
        await volunteer.AssertNoHorizontalScrollingAsync();
    }

    private static async Task FillResidentAsync(IPage page)
    {
        await page.GetByLabel("Vorname", new() { Exact = true }).FillAsync("Elfriede");
        await page.GetByLabel("Nachname", new() { Exact = true }).FillAsync("Brandt");
        await page.GetByLabel("Geburtsdatum", new() { Exact = true }).FillAsync("1941-05-14");
        await page.GetByLabel("Pflegegrad", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pflegegrad 1" });
        await page.GetByLabel("Sprachen", new() { Exact = true }).FillAsync("Deutsch");
        await page.GetByLabel("Straße", new() { Exact = true }).FillAsync("Lessingstraße");
        await page.GetByLabel("Hausnummer", new() { Exact = true }).FillAsync("7");
        await page.GetByLabel("Wohnung (optional)", new() { Exact = true }).FillAsync("2. OG links");
        await page.GetByLabel("Postleitzahl", new() { Exact = true }).FillAsync("04720");
        await page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Döbeln");
        await page.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Döbeln-Nord" });
        await page.GetByLabel("Telefon (optional)", new() { Exact = true }).FillAsync("03431 556677");
        var relative = page.GetByRole(AriaRole.Group, new() { Name = "Neue Kontaktperson", Exact = true }).First;
        await relative.GetByLabel("Name", new() { Exact = true }).FillAsync("Sabine Brandt");
        await relative.GetByLabel("Beziehung oder Rolle", new() { Exact = true }).FillAsync("Tochter");
        await relative.GetByLabel("Telefon", new() { Exact = true }).FillAsync("0341 998877");
        await relative.GetByRole(AriaRole.Checkbox, new() { Name = "Darf kontaktiert werden", Exact = true }).CheckAsync();
    }

    private static async Task GiveConsentAsync(IPage page, string purpose, string? serviceCategory = null, string? witness = null, bool expectedNotice = true)
    {
        await page.GetByLabel("Wofür gilt die Einwilligung?", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = purpose });
        if (serviceCategory is not null)
        {
            await page.GetByLabel("Alle Partner einer Leistungsart", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = serviceCategory });
        }

        await Expect(page.GetByLabel("Erteilt am", new() { Exact = true })).ToHaveValueAsync("2026-03-02");
        await page.GetByLabel("Form", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = witness is null ? "schriftlich" : "mündlich mit Zeugin/Zeuge" });
        if (witness is not null)
        {
            await page.GetByLabel("Name der Zeugin bzw. des Zeugen (bei mündlicher Einwilligung)", new() { Exact = true }).FillAsync(witness);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung speichern", Exact = true }).ClickAsync();
        if (expectedNotice)
        {
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Einwilligung ist gespeichert.");
        }
    }

    private async Task FillHomeVisitAsync(BrowserSession phone)
    {
        var page = phone.Page;
        await Expect(phone.MainHeading).ToContainTextAsync("Hausbesuche");
        await Expect(page.GetByText("Für diesen Fall ist noch kein Hausbesuch erfasst.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Datum des Besuchs", new() { Exact = true })).ToHaveValueAsync("2026-03-02");
        await Expect(page.GetByLabel("Besucht von", new() { Exact = true })).ToHaveValueAsync(CaseManager);
        await Answer(page, "Wie schätzt die Person ihre Gesundheit ein? (0 = gut, 3 = schlecht)", "1").CheckAsync();
        await Answer(page, "Hat die Person eine Hausärztin oder einen Hausarzt?", "ja").CheckAsync();
        await Answer(page, "Kann die Person Treppen ohne Hilfe steigen?", "nein").CheckAsync();
        await Answer(page, "Ist die Person in den letzten 12 Monaten gestürzt?", "ja").CheckAsync();
        await Answer(page, "Hat die Person Angst zu stürzen?", "ja").CheckAsync();
        await Answer(page, "Hat die Person mindestens einmal pro Woche Kontakt zu anderen Menschen?", "nein").CheckAsync();
        await Answer(page, "Fühlt sich die Person einsam? (0 = nie, 3 = sehr oft)", "3").CheckAsync();
        await page.GetByLabel("Wer ist die wichtigste Bezugsperson?", new() { Exact = true }).FillAsync("Tochter Sabine, wohnt in Leipzig");
        await page.GetByLabel("Notiz zu „Stürze“ (optional)", new() { Exact = true }).FillAsync("Sturz im Januar auf der Kellertreppe.");
        await page.GetByLabel("Allgemeine Notiz (optional)", new() { Exact = true }).FillAsync("Freundlicher Empfang, Kaffee in der Küche.");
        await phone.AssertNoHorizontalScrollingAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hausbesuch speichern", Exact = true }).ClickAsync();

        await Expect(Notice(page, "Der Hausbesuch vom 02.03.2026 ist gespeichert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Besuch am 02.03.2026 von {CaseManager}" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync("hausbesuch");
        await phone.AssertNoHorizontalScrollingAsync();
    }

    private static async Task AddProblemAsync(IPage page, string kind, string description, string[] alternatives, string chosen, string reason)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Problemlage anlegen", Exact = true }) });
        await form.GetByLabel("Problemlage", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync(description);
        await form.GetByLabel("Erwogene Lösungswege", new() { Exact = true }).FillAsync(string.Join("\n", alternatives));
        await form.GetByLabel("Gewählter Weg (mit der Bewohner:in)", new() { Exact = true }).FillAsync(chosen);
        await form.GetByLabel("Begründung der Wahl", new() { Exact = true }).FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "Problemlage anlegen", Exact = true }).ClickAsync();
        await Expect(Notice(page, "Die Problemlage ist angelegt.")).ToBeVisibleAsync();
        await Expect(Problem(page, kind)).ToBeVisibleAsync();
    }

    private static async Task ExpectProblemAsync(IPage page, string title, string chosen, params string[] alternatives)
    {
        var problem = Problem(page, title);
        await Expect(Fact(problem, "Erwogene Lösungswege").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(alternatives);
        await Expect(Fact(problem, "Gewählter Weg")).ToHaveTextAsync(chosen);
        await Expect(Fact(problem, "Begründung (mit der Bewohner:in)")).Not.ToBeEmptyAsync();
    }

    /// <summary>Opens "Maßnahme hinzufügen" of a problem and returns its form.</summary>
    private static async Task<ILocator> OpenNewStepFormAsync(ILocator problem)
    {
        await problem.GetByText("Maßnahme hinzufügen", new() { Exact = true }).ClickAsync();
        var form = problem.Locator("form").Filter(new() { Has = problem.Page.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen", Exact = true }) });
        await Expect(form).ToBeVisibleAsync();
        return form;
    }

    private static async Task CloseProblemAsync(IPage page, string problem, string outcome, string note)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = problem, Exact = true });
        await group.GetByLabel("Ergebnis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = outcome });
        await group.GetByLabel("Notiz (optional)", new() { Exact = true }).FillAsync(note);
    }

    private static ILocator AreaNavigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Fallmanagement", Exact = true });

    private static ILocator CaseTab(IPage page, string name)
        => page.GetByRole(AriaRole.Navigation, new() { Name = "Bereiche des Falls", Exact = true }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator Problem(IPage page, string title) => page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    private static ILocator Step(ILocator problem, string title) => problem.GetByRole(AriaRole.Article, new() { Name = title, Exact = true });

    private static ILocator Answer(IPage page, string question, string answer)
        => page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true });

    private static ILocator Notice(IPage page, string text) => page.GetByRole(AriaRole.Status).Filter(new() { HasText = text });

    /// <summary>The value of a term in a description list ("Status" → "Offen"); the list's own structure links them.</summary>
    private static ILocator Fact(ILocator scope, string term) => scope.Locator($"dl > dt:text-is(\"{term}\") + dd");
}
