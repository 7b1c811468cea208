using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Shell;

[Collection(ChromiumCollection.Name)]
public sealed class KeyboardTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task On_the_sign_in_page_the_first_Tab_reaches_the_skip_link_and_it_moves_focus_to_the_content()
    {
        await using var session = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        await session.GotoAsync("/Anmelden");

        await SkipToContentWithTheKeyboardAsync(session.Page);

        await session.Page.Keyboard.PressAsync("Tab");
        await Expect(session.Page.GetByLabel("E-Mail-Adresse", new() { Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task On_the_start_page_the_first_Tab_reaches_the_skip_link_and_it_skips_the_navigation()
    {
        await using var session = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        await session.SignInAsAsync(Roles.Fallmanagement);
        await session.GotoAsync("/");

        await SkipToContentWithTheKeyboardAsync(session.Page);

        // The next Tab continues inside the content, not in the header or the navigation.
        await session.Page.Keyboard.PressAsync("Tab");
        await Expect(session.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Fälle", Exact = true })).ToBeFocusedAsync();
    }

    private static async Task SkipToContentWithTheKeyboardAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Zum Inhalt springen", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync(); // hidden off-screen until focused, then visible

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#inhalt")).ToBeFocusedAsync();
    }
}
