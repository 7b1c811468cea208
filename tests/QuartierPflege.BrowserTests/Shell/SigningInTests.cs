using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Shell;

[Collection(ChromiumCollection.Name)]
public sealed class SigningInTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public Task Signing_in_as_coordination_shows_every_area_including_administration()
        => SignInFromTheStartPageAsync(Roles.Koordination, "Katrin Lehmann", Screen.Desktop,
            "Übersicht", "Fälle", "Hinweis melden", "Ehrenamt", "Auszahlungen", "Netzwerkpartner", "Quartiersarbeit", "Datenschutz", "Verwaltung");

    [Fact]
    public Task Signing_in_as_a_case_manager_shows_the_case_work_navigation()
        => SignInFromTheStartPageAsync(Roles.Fallmanagement, "Jana Fröhlich", Screen.Desktop,
            "Übersicht", "Fälle", "Hinweis melden", "Netzwerkpartner", "Quartiersarbeit");

    [Fact]
    public Task Signing_in_as_finance_shows_only_the_overview_reporting_a_concern_and_payouts()
        => SignInFromTheStartPageAsync(Roles.Finanzen, "Bernd Kaiser", Screen.Desktop,
            "Übersicht", "Hinweis melden", "Auszahlungen");

    [Fact]
    public Task Signing_in_as_a_volunteer_on_a_phone_shows_the_volunteer_navigation_without_sideways_scrolling()
        => SignInFromTheStartPageAsync(Roles.Ehrenamt, "Gerda Schulze", Screen.Phone,
            "Übersicht", "Hinweis melden", "Ehrenamt", "Quartiersarbeit");

    [Fact]
    public Task The_longest_navigation_of_coordination_fits_a_phone_without_sideways_scrolling()
        => SignInFromTheStartPageAsync(Roles.Koordination, "Katrin Lehmann", Screen.Phone,
            "Übersicht", "Fälle", "Hinweis melden", "Ehrenamt", "Auszahlungen", "Netzwerkpartner", "Quartiersarbeit", "Datenschutz", "Verwaltung");

    [Fact]
    public async Task A_wrong_password_shows_the_German_message_on_the_sign_in_page()
    {
        var user = await app.CreateUserAsync(Roles.Finanzen);
        await using var session = await chromium.NewSessionAsync(app, output, Screen.Desktop);
        var page = session.Page;
        await session.GotoAsync("/Anmelden");

        await session.SubmitSignInFormAsync(user.Email, "leider-nicht-das-richtige");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-Mail-Adresse oder Passwort ist falsch.");
        await Expect(page).ToHaveURLAsync(app.UrlOf("/Anmelden"));
        await Expect(page.GetByLabel("E-Mail-Adresse", new() { Exact = true })).ToHaveValueAsync(user.Email);
        await Expect(page.GetByLabel("Passwort", new() { Exact = true })).ToBeEmptyAsync();
        await Expect(session.MainNavigation).ToHaveCountAsync(0);
        await session.ScreenshotAsync("anmelden-fehler");
    }

    private async Task SignInFromTheStartPageAsync(string role, string name, Screen screen, params string[] navigation)
    {
        var user = await app.CreateUserAsync(role, name);
        await using var session = await chromium.NewSessionAsync(app, output, screen);
        var page = session.Page;

        await session.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(app.UrlOf("/Anmelden?ReturnUrl=%2F"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(session.MainHeading).ToHaveTextAsync("Anmelden");
        await session.ScreenshotAsync("anmelden");
        await session.AssertNoHorizontalScrollingAsync();

        await session.SubmitSignInFormAsync(user.Email, TestUser.Password);

        if (role is Roles.Fallmanagement or Roles.Koordination)
        {
            // Case work starts the day on "Heute"; the overview of areas is one click away.
            await Expect(page).ToHaveURLAsync(app.UrlOf("/CaseManagement/Heute"));
            await Expect(session.MainHeading).ToHaveTextAsync(new Regex("^Heute, "));
            await session.ScreenshotAsync($"heute-{role}");
            await session.AssertNoHorizontalScrollingAsync();
            await session.GotoAsync("/");
        }

        await Expect(page).ToHaveURLAsync(app.UrlOf("/"));
        await Expect(session.MainHeading).ToHaveTextAsync($"Guten Tag, {name}");
        await Expect(session.MainNavigation.GetByRole(AriaRole.Link)).ToHaveTextAsync(navigation);
        await Expect(session.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Übersicht", Exact = true }))
            .ToHaveAttributeAsync("aria-current", "page");
        await session.ScreenshotAsync($"start-{role}");
        await session.AssertNoHorizontalScrollingAsync();
    }
}
