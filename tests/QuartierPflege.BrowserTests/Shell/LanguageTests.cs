using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Shell;

[Collection(ChromiumCollection.Name)]
public sealed class LanguageTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Switching_to_English_translates_the_shell_and_switching_back_restores_German()
    {
        await using var session = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        await session.SignInAsAsync(Roles.Fallmanagement);
        var page = session.Page;
        var skipLink = page.Locator("a.skip-link");

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(app.UrlOf("/"));
        await Expect(skipLink).ToHaveTextAsync("Skip to content");
        var englishNavigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation", Exact = true });
        await Expect(englishNavigation.GetByRole(AriaRole.Link, new() { Name = "Cases", Exact = true })).ToBeVisibleAsync();
        await session.ScreenshotAsync("start-englisch");

        // The choice is kept for the next pages, not only for the one answer after switching.
        await page.ReloadAsync();
        await Expect(skipLink).ToHaveTextAsync("Skip to content");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(skipLink).ToHaveTextAsync("Zum Inhalt springen");
        await Expect(session.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true })).ToBeVisibleAsync();
    }
}
