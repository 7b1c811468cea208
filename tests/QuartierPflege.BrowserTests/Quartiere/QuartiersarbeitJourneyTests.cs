using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Quartiere;

/// <summary>
/// Community work on a 360 px phone: the demo volunteer records three door-step answers in the open demo survey (one
/// resident leaves contact details, first forgetting the consent), the concern reaches the case managers' queue, and
/// coordination reads the results without the contact. The volunteer reaches the activities from their own area (their
/// Quartier first); case managers read the residents' groups, coordination adds and edits one. The forum, group and
/// activity pages fit the phone too. Screenshots of every page are written as test artefacts.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class QuartiersarbeitJourneyTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private const string Survey = "Nachbarschaft in Döbeln-Nord";
    private const string Resident = "Erna Weißbach";

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_volunteer_records_three_answers_at_the_door_one_leaves_contact_details_the_case_manager_sees_the_concern_and_coordination_the_results()
    {
        await using (var phone = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await phone.SignInAsync(DemoAccounts.Ehrenamt.Email, DemoAccounts.Password);
            var page = phone.Page;
            await phone.GotoAsync("/Quartiere/Befragungen");
            await Expect(phone.MainHeading).ToHaveTextAsync("Aktivierende Befragungen");
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.ScreenshotAsync("befragungen");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Antworten erfassen\\W+{Survey}$") }).ClickAsync();
            await Expect(phone.MainHeading).ToHaveTextAsync($"Antworten erfassen: {Survey}");
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.ScreenshotAsync("befragung-erfassen");

            // First door: anonymous.
            await page.GetByLabel("einige", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Was wünschen Sie sich in der Nachbarschaft?", new() { Exact = true }).FillAsync("Ein Straßenfest im Sommer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Antworten speichern", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Antworten sind anonym gespeichert.");

            // Second door: the resident wants a call back; without the consent tick nothing is taken.
            await page.GetByLabel("kaum", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("2", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Resident);
            await page.GetByLabel("Telefon", new() { Exact = true }).FillAsync("03431 123456");
            await page.GetByLabel("Worum soll es gehen?", new() { Exact = true }).FillAsync("Fühlt sich allein, möchte Besuch.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Antworten speichern", Exact = true }).ClickAsync();
            var summary = page.GetByRole(AriaRole.Alert);
            await Expect(summary).ToContainTextAsync("Kontaktdaten werden nur mit Einwilligung der Person aufgenommen.");
            await Expect(summary).ToBeFocusedAsync();
            await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(Resident);
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.ScreenshotAsync("befragung-ohne-einwilligung");
            await page.GetByLabel("Die Person ist einverstanden", new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Antworten speichern", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Antworten sind gespeichert. Die Kontaktdaten gehen als Hinweis an das Fallmanagement.");
            await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(string.Empty);

            // Third door: only a wish.
            await page.GetByLabel("Was wünschen Sie sich in der Nachbarschaft?", new() { Exact = true }).FillAsync("ein straßenfest im  Sommer");
            await page.GetByRole(AriaRole.Button, new() { Name = "Antworten speichern", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Antworten sind anonym gespeichert.");
            await phone.ScreenshotAsync("befragung-gespeichert");

            // Activities: from the volunteer's own area; their Quartier (Döbeln-Nord) comes first, the others follow.
            await phone.GotoAsync("/Volunteers");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Begegnungsangebote in Ihrem Quartier") }).ClickAsync();
            await Expect(phone.MainHeading).ToHaveTextAsync("Begegnungsangebote");
            await Expect(page.Locator("h2#eigene")).ToHaveTextAsync(new Regex("^In Ihrem Quartier Döbeln-Nord \\("));
            // ... and offers to help at the Nachbarschaftscafé in Döbeln-Ost nearby.
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mithelfen\\W+Nachbarschaftscafé$") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sie helfen bei diesem Angebot mit");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Nicht mehr mithelfen\\W+Nachbarschaftscafé$") })).ToBeVisibleAsync();
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.ScreenshotAsync("angebote-ehrenamt");
        }

        await using (var caseManager = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await caseManager.SignInAsAsync(Roles.Fallmanagement, "Jana Fröhlich");
            var page = caseManager.Page;
            await caseManager.GotoAsync("/CaseManagement/Hinweise");
            // The concern comes through a message: it may take a moment after the answer was saved.
            await Eventually.UntilAsync(async () =>
            {
                await page.ReloadAsync();
                return await page.GetByText(Resident).CountAsync() > 0;
            }, "the survey's concern in the case managers' queue");
            await Expect(page.GetByText("Aktivierende Befragung „Nachbarschaft in Döbeln-Nord“", new() { Exact = false }).First).ToBeVisibleAsync();
            await caseManager.AssertNoHorizontalScrollingAsync();
            await caseManager.ScreenshotAsync("hinweis-aus-befragung");

            await caseManager.GotoAsync("/Quartiere/Forum");
            await Expect(caseManager.MainHeading).ToHaveTextAsync("Stadtteilforum");
            await Expect(page.GetByText("Gespräch mit der Wohnungsgenossenschaft über einen Gemeinschaftsraum").First).ToBeVisibleAsync();
            await caseManager.AssertNoHorizontalScrollingAsync();
            await caseManager.ScreenshotAsync("stadtteilforum");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Quartiersarbeit" }).GetByRole(AriaRole.Link, new() { Name = "Bewohnergruppen", Exact = true }).ClickAsync();
            await Expect(caseManager.MainHeading).ToHaveTextAsync("Bewohnergruppen");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Döbeln-Zentrum (1)", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("Seniorentreff Körnerplatz")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gruppe anlegen" })).ToHaveCountAsync(0);
            await caseManager.AssertNoHorizontalScrollingAsync();
            await caseManager.ScreenshotAsync("bewohnergruppen");
        }

        await using (var coordination = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await coordination.SignInAsync(DemoAccounts.Koordination.Email, DemoAccounts.Password);
            var page = coordination.Page;
            await coordination.GotoAsync("/Quartiere/Befragungen");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Ergebnisse\\W+{Survey}$") }).ClickAsync();
            await Expect(coordination.MainHeading).ToHaveTextAsync($"Ergebnisse: {Survey}");
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("Gespräche3");
            await Expect(page.GetByText("Ein Straßenfest im Sommer (2×)", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByText("2 von 3 Gesprächen haben diese Frage beantwortet.").First).ToBeVisibleAsync();
            await Expect(page.GetByText(Resident)).ToHaveCountAsync(0);
            await Expect(page.GetByText("123456")).ToHaveCountAsync(0);
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("befragung-ergebnisse");

            await page.GetByRole(AriaRole.Link, new() { Name = "Zu den Befragungen", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Ergebnisse\\W+Gut älter werden in Döbeln-Ost$") }).ClickAsync();
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("Gespräche40");
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("befragung-ergebnisse-geschlossen");

            // An empty questionnaire is refused inline and in the focused summary.
            await coordination.GotoAsync("/Quartiere/Befragungen/Neu");
            await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Ohne Fragen");
            await page.GetByRole(AriaRole.Button, new() { Name = "Befragung anlegen", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Eine Befragung braucht mindestens eine Frage.");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("befragung-entwerfen-fehler");

            // Resident groups: added at 360 px (first without a contact person), then edited.
            await coordination.GotoAsync("/Quartiere/Gruppen?quartier=Hartha");
            await page.GetByRole(AriaRole.Link, new() { Name = "Gruppe anlegen", Exact = true }).ClickAsync();
            await Expect(coordination.MainHeading).ToHaveTextAsync("Bewohnergruppe anlegen");
            await Expect(page.GetByLabel("Quartier", new() { Exact = true })).ToHaveValueAsync("Hartha");
            await page.GetByLabel("Name der Gruppe", new() { Exact = true }).FillAsync("Strickkreis am Markt");
            await page.GetByLabel("Wann trifft sich die Gruppe?", new() { Exact = true }).FillAsync("jeden 1. Mittwoch, 14 Uhr");
            await page.GetByLabel("Treffpunkt (freiwillig)", new() { Exact = true }).FillAsync("Begegnungsstätte am Markt");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gruppe anlegen", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bitte geben Sie die Kontaktperson an.");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
            await Expect(page.GetByLabel("Name der Gruppe", new() { Exact = true })).ToHaveValueAsync("Strickkreis am Markt");
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("gruppe-anlegen-fehler");
            await page.GetByLabel("Kontaktperson", new() { Exact = true }).FillAsync("Renate Busch");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gruppe anlegen", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Gruppe „Strickkreis am Markt“ ist angelegt.");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hartha (1)", Exact = true })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bearbeiten\\W+Strickkreis am Markt$") }).ClickAsync();
            await Expect(coordination.MainHeading).ToHaveTextAsync("Bewohnergruppe bearbeiten: Strickkreis am Markt");
            await page.GetByLabel("Wann trifft sich die Gruppe?", new() { Exact = true }).FillAsync("jeden 1. und 3. Mittwoch, 14 Uhr");
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("gruppe-bearbeiten");
            await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Gruppe „Strickkreis am Markt“ ist gespeichert.");
            await Expect(page.GetByText("jeden 1. und 3. Mittwoch, 14 Uhr")).ToBeVisibleAsync();
            await coordination.AssertNoHorizontalScrollingAsync();
            await coordination.ScreenshotAsync("gruppen-hartha");

            foreach (var (path, name) in new[] { ("/Quartiere/Forum", "stadtteilforum-koordination"), ("/Quartiere/Forum/Treffen", "forum-treffen"), ("/Quartiere/Gruppen", "gruppen"), ("/Quartiere/Gruppen/Bearbeiten", "gruppe-anlegen"), ("/Quartiere/Angebote", "angebote-koordination") })
            {
                await coordination.GotoAsync(path);
                await Expect(coordination.MainHeading).ToHaveCountAsync(1);
                await coordination.AssertNoHorizontalScrollingAsync();
                await coordination.ScreenshotAsync(name);
            }

            await Expect(page.GetByText($"1: {DemoAccounts.Ehrenamt.DisplayName}")).ToBeVisibleAsync();
        }
    }
}
