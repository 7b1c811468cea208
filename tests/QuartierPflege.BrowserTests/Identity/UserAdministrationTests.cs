using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Identity;

[Collection(ChromiumCollection.Name)]
public sealed class UserAdministrationTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Coordination_creates_an_account_through_the_form_and_the_list_confirms_it()
    {
        var email = $"ilse.wagner-{Guid.NewGuid():N}@test.quartierpflege.de";
        const string password = "Mein Garten blüht im Mai";
        await using var admin = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        await admin.SignInAsAsync(Roles.Koordination, "Katrin Lehmann");
        var page = admin.Page;

        await admin.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Verwaltung", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.UrlOf("/Verwaltung/Benutzer"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Neues Konto anlegen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(app.UrlOf("/Verwaltung/Benutzer/Neu"));
        await page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Ilse Wagner");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ehrenamt (Nachbarschaftshilfe)", Exact = true }).CheckAsync();
        await page.GetByLabel("Anfangspasswort", new() { Exact = true }).FillAsync(password);
        await admin.ScreenshotAsync("benutzer-neu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.UrlOf("/Verwaltung/Benutzer"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Das Konto für Ilse Wagner ist angelegt.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Ilse Wagner", email, "Ehrenamt", "aktiv", "Bearbeiten – Ilse Wagner"]);
        await admin.ScreenshotAsync("benutzer-liste");

        // The new person signs in with the initial password and gets the volunteer's navigation.
        await using var volunteer = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await volunteer.SignInAsync(email, password);
        await Expect(volunteer.MainHeading).ToHaveTextAsync("Guten Tag, Ilse Wagner");
        await Expect(volunteer.MainNavigation.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Übersicht", "Hinweis melden", "Ehrenamt", "Quartiersarbeit"]);
    }

    [Fact]
    public async Task On_a_phone_the_user_list_and_the_new_account_form_never_scroll_sideways()
    {
        await app.CreateUserAsync(Roles.Fallmanagement, "Maximilian von Hohenberg-Schwarzenfeld");
        await using var admin = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await admin.SignInAsAsync(Roles.Koordination, "Katrin Lehmann");

        await admin.GotoAsync("/Verwaltung/Benutzer");

        // The table is wider than a phone: it scrolls inside its own box, the page around it stays put.
        await Expect(admin.MainHeading).ToHaveTextAsync("Benutzerkonten");
        await Expect(admin.Page.GetByRole(AriaRole.Cell, new() { Name = "Maximilian von Hohenberg-Schwarzenfeld", Exact = true })).ToBeVisibleAsync();
        await admin.ScreenshotAsync("benutzer-liste");
        await admin.AssertNoHorizontalScrollingAsync();

        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Neues Konto anlegen", Exact = true }).ClickAsync();

        await Expect(admin.MainHeading).ToHaveTextAsync("Neues Konto anlegen");
        await admin.ScreenshotAsync("benutzer-neu");
        await admin.AssertNoHorizontalScrollingAsync();
    }
}
