using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.DataProtection;

/// <summary>
/// Data protection as coordination does it on a phone (360 px): the record of processing activities, a retention
/// period refused below its legal minimum and then changed, "Jetzt ausführen" with its report, an Art. 15 copy to
/// download and the erasure of a volunteer with its report. Every page without sideways scrolling, with screenshots.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class DataProtectionJourneyTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Payouts = "Auszahlung und Beleg";

    [Fact]
    public async Task A_coordinator_on_a_phone_reads_the_register_changes_a_period_runs_the_sweep_makes_a_copy_and_erases_a_volunteer()
    {
        var kinds = app.Services.GetServices<IPersonalDataRegister>().SelectMany(r => r.Kinds).ToList();
        var residentName = await ResidentAsync("Hedwig", "Auskunftsreich");
        var volunteerName = await VolunteerAsync("Bruno", "Vergessenwill");

        await using var phone = await chromium.NewSessionAsync(app, output, Screen.Phone);
        await phone.SignInAsAsync(Roles.Koordination, "Katrin Lehmann");
        var page = phone.Page;

        // The register: every declared kind of every module, generated from the code.
        await phone.GotoAsync("/Datenschutz/Verzeichnis");
        await Expect(phone.MainHeading).ToHaveTextAsync("Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO)");
        await Expect(page.Locator("main article h3")).ToHaveCountAsync(kinds.Count);
        foreach (var name in kinds.Select(k => k.Name).Distinct())
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 3 }).First).ToBeVisibleAsync();
        }

        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-verzeichnis");

        // A period below the legal minimum (8 years for payout vouchers) is refused inline; the summary gets the focus.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Datenschutz", Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = "Aufbewahrungsfristen", Exact = true }).ClickAsync();
        await Expect(phone.MainHeading).ToHaveTextAsync("Aufbewahrungsfristen");
        await phone.AssertNoHorizontalScrollingAsync();
        var payouts = page.GetByRole(AriaRole.Region, new() { Name = Payouts, Exact = true });
        await payouts.GetByLabel("Jahre", new() { Exact = true }).FillAsync("7");
        await payouts.GetByRole(AriaRole.Button, new() { Name = "Frist speichern", Exact = true }).ClickAsync();
        const string refusal = "Die Frist darf die gesetzliche Mindestfrist nicht unterschreiten: mindestens 8 Jahre";
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync(refusal);
        await Expect(summary).ToBeFocusedAsync();
        payouts = page.GetByRole(AriaRole.Region, new() { Name = Payouts, Exact = true });
        await Expect(payouts.Locator(".field-error")).ToContainTextAsync(refusal);
        await Expect(payouts.GetByLabel("Jahre", new() { Exact = true })).ToHaveValueAsync("7");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-fristen-fehler");
        await payouts.GetByLabel("Jahre", new() { Exact = true }).FillAsync("10");
        await payouts.GetByRole(AriaRole.Button, new() { Name = "Frist speichern", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Die Frist für „{Payouts}“ ist jetzt 10 Jahre");
        await phone.ScreenshotAsync("datenschutz-fristen");

        // "Jetzt ausführen": the run appears with the answers of every module.
        await phone.GotoAsync("/Datenschutz/Loeschlauf");
        await Expect(phone.MainHeading).ToHaveTextAsync("Löschlauf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt ausführen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Löschlauf ist gestartet.");
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByText("Alle Bereiche haben geantwortet.").CountAsync() == 1;
        }, "the run's report with every module's answer");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Löschlauf vom 02.03.2026", Exact = true })).ToContainTextAsync("Lauf vom 02.03.2026");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-loeschlauf");

        // Art. 15: a resident's copy, downloadable as a ZIP.
        await phone.GotoAsync("/Datenschutz/Auskunft");
        await Expect(phone.MainHeading).ToHaveTextAsync("Auskunft nach Art. 15 DSGVO");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Bewohnerin oder Bewohner", Exact = true }).CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Auskunftsreich");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Auskunft für {residentName} erstellen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Auskunft ist erstellt. Sie kann 7 Tage lang heruntergeladen werden.");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = $"ZIP herunterladen ({residentName})", Exact = true }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-auskunft");

        // Art. 17 for a volunteer: no reason is refused; with one, the report shows every module's confirmation.
        await phone.GotoAsync("/Datenschutz/Loeschung");
        await Expect(phone.MainHeading).ToHaveTextAsync("Löschung nach Art. 17 DSGVO");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Ehrenamtliche Person", Exact = true }).CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Vergessenwill");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = volunteerName, Exact = true }).ClickAsync();
        var erase = page.GetByRole(AriaRole.Button, new() { Name = $"{volunteerName} endgültig löschen", Exact = true });
        await erase.ClickAsync();
        summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page.Locator("#reason-error")).Not.ToBeEmptyAsync();
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-loeschung-fehler");
        await page.GetByLabel("Grund der Löschung", new() { Exact = true }).FillAsync("Antrag der Person vom 02.03.2026");
        await page.GetByRole(AriaRole.Button, new() { Name = $"{volunteerName} endgültig löschen", Exact = true }).ClickAsync();
        await Expect(phone.MainHeading).ToHaveTextAsync($"Löschung: {volunteerName}");
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByText("vollständig", new() { Exact = true }).CountAsync() == 1;
        }, "the erasure report with every module's confirmation");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Ehrenamt", Exact = true })).ToContainTextAsync("gelöscht");
        await phone.AssertNoHorizontalScrollingAsync();
        await phone.ScreenshotAsync("datenschutz-loeschung-bericht");
    }

    private async Task<string> ResidentAsync(string firstName, string lastName)
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var created = await caseManager.PostAsJsonAsync("/api/case-management/residents", new
        {
            firstName, lastName, dateOfBirth = "1936-11-20", street = "Lindenstraße", houseNumber = "3", postalCode = "04720", city = "Döbeln",
            quartier = "Döbeln-Nord", careLevel = "None", languages = new[] { "de" }, relatives = Array.Empty<object>(), createDespiteDuplicates = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return $"{firstName} {lastName}";
    }

    private async Task<string> VolunteerAsync(string firstName, string lastName)
    {
        var registered = await app.CreateClient().PostAsJsonAsync("/api/volunteers/registrations", new
        {
            firstName, lastName, email = $"loeschung-{Guid.NewGuid():N}@beispiel.de", phone = "03431 765432", street = "Bahnhofstraße", houseNumber = "12",
            quartier = "Döbeln-Nord", birthDate = "1958-04-01", languages = new[] { "Deutsch" }, availability = new[] { "di-vormittag" }, skills = "Vorlesen",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.NotEqual(Guid.Empty, (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        return $"{firstName} {lastName}";
    }
}
