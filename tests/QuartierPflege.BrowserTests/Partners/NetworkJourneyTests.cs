using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuartierPflege.BrowserTests.Support;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuartierPflege.BrowserTests.Partners;

/// <summary>
/// The partner network in the real UI: a coordinator finds the only Haushaltshilfe of Hartha by category and Quartier,
/// opens it, checks "what if", pauses it and sees the coverage matrix turn the cell into a gap; the case manager whose
/// case had a referral to it sees the referral flagged with the alternatives. Then the same pages on a phone.
/// Screenshots of every page are written as test artefacts.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class NetworkJourneyTests(BrowserApp app, Chromium chromium, ITestOutputHelper output) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private const string OnlyHouseholdHelp = "Hauswirtschaftsdienst Hartha";

    public Task InitializeAsync() => app.SeedDemoDataAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coordinator_pauses_the_only_Haushaltshilfe_of_Hartha_and_the_case_manager_sees_the_flagged_referral_with_alternatives()
    {
        // A case in Hartha with a referral to that partner, made through Case Management's API by its case manager.
        var caseManagerUser = await app.CreateUserAsync(Roles.Fallmanagement, "Jana Fröhlich");
        var caseManagerApi = await app.SignedInClientAsync(caseManagerUser);
        var partners = await caseManagerApi.GetFromJsonAsync<JsonElement>("/api/partners?category=haushaltshilfe&quartier=Hartha");
        var partnerId = partners.EnumerateArray().Single().GetProperty("partnerId").GetGuid();
        var (caseId, _) = await new CaseManagementApi(caseManagerApi).OpenCaseWithReferralAsync(
            partnerId, "haushaltshilfe", "Hartha", discloseContact: false, "Hilfe im Haushalt zweimal pro Woche.", new NodaTime.LocalDate(2026, 3, 9));

        await using (var office = await chromium.NewSessionAsync(app, output, Screen.Desktop))
        {
            await office.SignInAsAsync(Roles.Koordination, "Katrin Lehmann");
            var page = office.Page;

            // Find it by category and Quartier.
            await office.MainNavigation.GetByRole(AriaRole.Link, new() { Name = "Netzwerkpartner", Exact = true }).ClickAsync();
            await Expect(office.MainHeading).ToHaveTextAsync("Netzwerkpartner");
            await page.GetByLabel("Leistungsart", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Haushaltshilfe" });
            await page.GetByLabel("Quartier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hartha" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
            await Expect(page.GetByText("1 Partner gefunden.")).ToBeVisibleAsync();
            await office.ScreenshotAsync("partner-suche");
            await page.GetByRole(AriaRole.Link, new() { Name = OnlyHouseholdHelp, Exact = true }).ClickAsync();
            await Expect(office.MainHeading).ToHaveTextAsync(OnlyHouseholdHelp);
            await office.ScreenshotAsync("partner");

            // What if it dropped out: Hartha would have no Haushaltshilfe.
            await page.GetByRole(AriaRole.Link, new() { Name = "Was wäre, wenn dieser Partner ausfällt?", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Es entstünden 1 Lücke(n): Haushaltshilfe in Hartha.")).ToBeVisibleAsync();
            var hartha = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hartha" });
            await Expect(hartha.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["Haushaltshilfe", "Hartha", "1", "0", "wird zur Lücke"]);
            await office.ScreenshotAsync("was-waere-wenn");

            // Pausing: a pause ending before it begins is refused, the summary gets the focus; then it is saved.
            await page.GetByRole(AriaRole.Link, new() { Name = "Status ändern", Exact = true }).ClickAsync();
            await Expect(office.MainHeading).ToHaveTextAsync($"Status von {OnlyHouseholdHelp} ändern");
            await page.GetByRole(AriaRole.Radio, new() { Name = "pausiert", Exact = true }).CheckAsync();
            await page.GetByLabel("Ab (erster Tag)", new() { Exact = true }).FillAsync("2026-03-09");
            await page.GetByLabel("Pause bis (letzter Tag, freiwillig)", new() { Exact = true }).FillAsync("2026-03-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Status speichern", Exact = true }).ClickAsync();
            var summary = page.GetByRole(AriaRole.Alert);
            await Expect(summary).ToContainTextAsync("Das Ende der Pause darf nicht vor ihrem Beginn liegen.");
            await Expect(summary).ToBeFocusedAsync();
            await office.ScreenshotAsync("status-fehler");
            await page.GetByLabel("Pause bis (letzter Tag, freiwillig)", new() { Exact = true }).FillAsync("2026-04-30");
            await page.GetByLabel("Bemerkung (freiwillig)", new() { Exact = true }).FillAsync("Personalausfall");
            await page.GetByRole(AriaRole.Button, new() { Name = "Status speichern", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Status ist gespeichert." })).ToBeVisibleAsync();
            await Expect(page.GetByText("pausiert ab 09.03.2026 bis 30.04.2026").First).ToBeVisibleAsync();

            // The matrix: the Hartha cell of Haushaltshilfe is now a gap, in numbers and words.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Netzwerkpartner", Exact = true })
                .GetByRole(AriaRole.Link, new() { Name = "Abdeckung", Exact = true }).ClickAsync();
            await Expect(office.MainHeading).ToHaveTextAsync("Abdeckung des Netzwerks");
            var household = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Haushaltshilfe", Exact = true }) });
            await Expect(household.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("0Lücke");
            await office.ScreenshotAsync("abdeckung");
        }

        // The case manager sees the referral flagged on the case, with the partners of the neighbouring Quartiere.
        await using (var desk = await chromium.NewSessionAsync(app, output, Screen.Desktop))
        {
            await desk.SignInAsync(caseManagerUser);
            await Eventually.UntilAsync(async () => (await caseManagerApi.GetStringAsync($"/api/case-management/cases/{caseId}/plan")).Contains("PartnerUnavailable", StringComparison.Ordinal),
                "the referral flagged on the case");
            await desk.GotoAsync($"/CaseManagement/Faelle/{caseId}/Plan");
            var flag = desk.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Achtung:" });
            await Expect(flag).ToContainTextAsync($"{OnlyHouseholdHelp} pausiert ab 09.03.2026");
            await Expect(flag.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new Regex[] { new("Alltagshelfer Mittelsachsen|Haushaltshilfe Fleißige Hände"), new("Alltagshelfer Mittelsachsen|Haushaltshilfe Fleißige Hände") });
            await desk.ScreenshotAsync("fall-plan-vermittlung-markiert");
        }

        // The same pages on a phone: readable at 360 px without sideways scrolling.
        await using (var phone = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await phone.SignInAsAsync(Roles.Koordination);
            foreach (var (path, name) in new[]
                     {
                         ("/Partners?kategorie=haushaltshilfe&quartier=Hartha&alle=true", "partner-suche"),
                         ($"/Partners/{partnerId}", "partner"),
                         ($"/Partners/WasWaereWenn?partner={partnerId}", "was-waere-wenn"),
                         ($"/Partners/{partnerId}/Status", "status"),
                         ("/Partners/Abdeckung", "abdeckung"),
                         ("/Partners/Vermittlungen", "vermittlungen"),
                         ("/Partners/Treffen", "treffen"),
                         ("/Quartiere/Lagebild", "lagebild"),
                         ($"/Quartiere/Lagebild/{Uri.EscapeDataString("Döbeln-Ost")}", "lagebild-doebeln-ost"),
                     })
            {
                await phone.GotoAsync(path);
                await Expect(phone.MainHeading).ToBeVisibleAsync();
                await phone.AssertNoHorizontalScrollingAsync();
                await phone.ScreenshotAsync(name);
            }
        }

        await using (var phone = await chromium.NewSessionAsync(app, output, Screen.Phone))
        {
            await phone.SignInAsync(caseManagerUser);
            await phone.GotoAsync($"/CaseManagement/Faelle/{caseId}/Plan");
            await Expect(phone.Page.GetByText("Mögliche andere Netzwerkpartner:")).ToBeVisibleAsync();
            await phone.AssertNoHorizontalScrollingAsync();
            await phone.ScreenshotAsync("fall-plan-vermittlung-markiert");
        }
    }
}
