using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using Wolverine.Tracking;

namespace QuartierPflege.Compensation.Tests.Sepa;

/// <summary>
/// Finance's SEPA download of a run and the confirmation that it was paid, through HTTP. Each test uses its own month,
/// so the tests share one database in any order.
/// </summary>
public sealed class SepaExportTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly Instant At = QpApp.DefaultStart;
    private static readonly XNamespace Ns = SepaSchema.Namespace;

    private async Task<Guid> VolunteerAsync(string name, YearMonth month, string? iban, string? holder)
    {
        var volunteer = Guid.NewGuid();
        await app.PublishAndTrackAsync(new VolunteerRegistered(Guid.NewGuid(), At, volunteer, name, $"{volunteer:N}@test.quartierpflege.de", "Hartha"));
        await app.PublishAndTrackAsync(new EnrolmentActivated(Guid.NewGuid(), At, volunteer, "rolle-stundensatz", "stundensatz", new LocalDate(2025, 1, 1)));
        await app.PublishAndTrackAsync(new ActivityConfirmed(Guid.NewGuid(), At, Guid.NewGuid(), volunteer, null, "rolle-stundensatz", month.OnDayOfMonth(5), 120, 0m, "Besuch"));
        if (iban is not null)
        {
            await app.InScopeAsync(async services =>
            {
                var session = services.GetRequiredService<IDocumentSession>();
                var payee = await session.LoadAsync<Payee>(volunteer) ?? throw new InvalidOperationException("No payee was created.");
                payee.Iban = Iban.Parse(iban).Value;
                payee.AccountHolder = holder;
                session.Store(payee);
                await session.SaveChangesAsync();
            });
        }

        return volunteer;
    }

    private async Task<(HttpClient Preparer, HttpClient Approver)> ApprovedRunAsync(string month, bool approve = true)
    {
        var preparer = await app.SignedInClientAsync(Roles.Finanzen);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsJsonAsync("/api/compensation/runs", new { month })).StatusCode);
        if (approve)
        {
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/api/compensation/runs/{month}/approve", new { version = (int?)null })).StatusCode);
        }

        return (preparer, approver);
    }

    private static async Task<string> StatusAsync(HttpClient client, string month)
        => (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/compensation/runs/{month}")).GetProperty("run").GetProperty("status").GetString()!;

    [Fact]
    public async Task Finance_downloads_a_valid_SEPA_file_of_an_approved_run_then_confirms_it_paid()
    {
        var month = new YearMonth(2025, 7);
        await VolunteerAsync("Jürgen Weiß", month, "DE02 1203 0000 0000 2020 51", "Jürgen Weiß");
        await VolunteerAsync("Käthe Groß", month, "de12500105170648489890", "Käthe Groß");
        var (_, finance) = await ApprovedRunAsync("2025-07");

        var response = await finance.PostAsync("/api/compensation/runs/2025-07/sepa", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(SepaSchema.Validate(bytes));
        var document = XDocument.Load(new MemoryStream(bytes));
        Assert.Equal("2", document.Descendants(Ns + "GrpHdr").Single().Element(Ns + "NbOfTxs")!.Value);
        // 2 h × 12,00 € each (the default Stundensatz).
        Assert.Equal("48.00", document.Descendants(Ns + "GrpHdr").Single().Element(Ns + "CtrlSum")!.Value);
        Assert.Equal(["Juergen Weiss", "Kaethe Gross"], document.Descendants(Ns + "Cdtr").Select(c => c.Element(Ns + "Nm")!.Value).Order(StringComparer.Ordinal));
        Assert.All(document.Descendants(Ns + "Ustrd"), u => Assert.Equal("Aufwandsentschaedigung Juli 2025", u.Value));
        Assert.True(Target2.IsBusinessDay(LocalDate.FromDateTime(DateTime.Parse(document.Descendants(Ns + "ReqdExctnDt").Single().Value, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("Exported", await StatusAsync(finance, "2025-07"));

        // A second download is the same file (same MsgId: the bank refuses a second upload).
        Assert.Equal(bytes, await (await finance.PostAsync("/api/compensation/runs/2025-07/sepa", null)).Content.ReadAsByteArrayAsync());

        var page = await finance.GetAsync("/Compensation/Sepa/2025-07");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>SEPA-Datei für Juli 2025</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Als bezahlt bestätigen", html, StringComparison.Ordinal);

        var paid = await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync("/api/compensation/runs/2025-07/paid", null)).StatusCode));
        // Published whether or not a module consumes it yet (none does in shared/MESSAGES.md: then Wolverine records "no routes").
        var message = Assert.Single(paid.Sent.MessagesOf<PayoutRunPaid>().Concat(paid.NoRoutes.MessagesOf<PayoutRunPaid>()));
        Assert.Equal(month, message.Month);
        Assert.Equal("Paid", await StatusAsync(finance, "2025-07"));
        var again = await finance.PostAsync("/api/compensation/runs/2025-07/paid", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("bereits als bezahlt", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_an_unapproved_run_or_confirming_it_paid_is_refused_in_German_and_changes_nothing()
    {
        await VolunteerAsync("Erika Entwurf", new YearMonth(2025, 6), "DE02120300000000202051", "Erika Entwurf");
        var (_, finance) = await ApprovedRunAsync("2025-06", approve: false);

        var export = await finance.PostAsync("/api/compensation/runs/2025-06/sepa", null);
        var paid = await finance.PostAsync("/api/compensation/runs/2025-06/paid", null);
        var unknown = await finance.PostAsync("/api/compensation/runs/2019-01/sepa", null);
        var badMonth = await finance.PostAsync("/api/compensation/runs/Oktober/sepa", null);
        var volunteer = await (await app.SignedInClientAsync(Roles.Ehrenamt)).PostAsync("/api/compensation/runs/2025-06/sepa", null);

        Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
        Assert.Contains("noch nicht freigegeben", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
        Assert.Contains("noch nicht exportiert", await paid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, volunteer.StatusCode);
        Assert.Equal("Draft", await StatusAsync(finance, "2025-06"));
    }

    [Fact]
    public async Task A_payout_without_bank_details_is_held_and_left_out_of_the_file_and_bank_details_removed_after_approval_stop_the_export()
    {
        await VolunteerAsync("Olga Ohnekonto", new YearMonth(2025, 5), iban: null, holder: null);
        await VolunteerAsync("Mira Mitkonto", new YearMonth(2025, 5), iban: "DE89 3704 0044 0532 0130 00", holder: "Mira Mitkonto");
        var later = await VolunteerAsync("Lutz Löschtspäter", new YearMonth(2025, 4), iban: "DE89 3704 0044 0532 0130 00", holder: "Lutz Löschtspäter");
        var (_, finance) = await ApprovedRunAsync("2025-05");
        var (_, other) = await ApprovedRunAsync("2025-04");
        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            var payee = await session.LoadAsync<Payee>(later) ?? throw new InvalidOperationException("No payee was created.");
            payee.Iban = null;
            session.Store(payee);
            await session.SaveChangesAsync();
        });

        var export = await finance.PostAsync("/api/compensation/runs/2025-05/sepa", null);
        var refused = await other.PostAsync("/api/compensation/runs/2025-04/sepa", null);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var file = await export.Content.ReadAsStringAsync();
        Assert.Contains("Mira Mitkonto", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Ohnekonto", file, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Für Lutz Löschtspäter fehlt eine gültige Bankverbindung", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Approved", await StatusAsync(other, "2025-04"));
    }
}
