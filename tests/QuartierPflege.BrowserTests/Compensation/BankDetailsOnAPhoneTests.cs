using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using QuartierPflege.Volunteers.Domain;
using QuartierPflege.Volunteers.Features.Demo;
using Wolverine;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Compensation;

/// <summary>
/// The demo volunteer on a 360 px phone: entering bank details (a mistyped IBAN first), then their payouts and the
/// annual summary, which prints without header and navigation. Screenshots of each page are written as test artefacts.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class BankDetailsOnAPhoneTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.SeedDemoDataAsync();
        // Compensation knows a payee from volunteer-registered; the demo volunteer's is sent as a confirmation would.
        var volunteer = await app.InScopeAsync(s => s.GetRequiredService<IQuerySession>().LoadAsync<Volunteer>(DemoVolunteers.IdOf(0)));
        await app.PublishAndTrackAsync(new VolunteerRegistered(Guid.NewGuid(), app.Clock.GetCurrentInstant(), volunteer!.Id, volunteer.DisplayName, volunteer.Email, volunteer.Quartier));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_volunteer_enters_bank_details_on_a_phone_and_sees_their_payouts_and_a_printable_annual_summary()
    {
        await using var phone = await chromium.NewSessionAsync(app, output, Screen.Phone);
        var page = phone.Page;
        await phone.SignInAsync(DemoAccounts.Ehrenamt.Email, DemoAccounts.Password);

        await phone.GotoAsync("/Compensation/Bankverbindung");
        await Expect(phone.MainHeading).ToHaveTextAsync("Meine Bankverbindung");
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("DE89 3704 0044 0532 0130 01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("IBAN");
        await Expect(summary).ToBeFocusedAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("verguetung-bankverbindung-fehler");

        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("de89370400440532013000");
        await page.GetByLabel("Ehrenamtspauschale (€)", new() { Exact = true }).FillAsync("120,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihre Bankverbindung ist gespeichert");
        await Expect(page.GetByLabel("IBAN", new() { Exact = true })).ToHaveValueAsync("DE89 3704 0044 0532 0130 00");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "auf 3000" })).ToBeVisibleAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("verguetung-bankverbindung");

        await page.GetByRole(AriaRole.Link, new() { Name = "Meine Auszahlungen", Exact = true }).ClickAsync();
        await Expect(phone.MainHeading).ToContainTextAsync("Meine Auszahlungen");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ehrenamtspauschale" }).First).ToContainTextAsync("120,50 €");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("verguetung-meine-auszahlungen");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Jahresübersicht .* zum Drucken") }).ClickAsync();
        await Expect(phone.MainHeading).ToContainTextAsync("Jahresübersicht");
        await phone.AssertNoHorizontalScrollingAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(phone.MainNavigation).ToBeHiddenAsync();
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(phone.MainHeading).ToBeVisibleAsync();
        await phone.ScreenshotAsync("verguetung-jahresuebersicht-druck");
    }
}
