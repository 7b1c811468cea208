using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using Wolverine.Tracking;

namespace QuartierPflege.Compensation.Tests.Payees;

/// <summary>
/// The payee side through pages and HTTP: a volunteer's own bank details (audited, mailed), their payouts and annual
/// summary, nobody else's; finance's budget report. Volunteers are registered and confirmed through Volunteers' API,
/// so the account-to-volunteer link is the real one. Each test uses its own volunteers and months.
/// </summary>
public sealed class PayeeTests(QpApp app) : IClassFixture<QpApp>
{
    private const string ValidIban = "DE89 3704 0044 0532 0130 00";
    private static readonly Instant At = QpApp.DefaultStart;

    private sealed record Neighbour(Guid VolunteerId, string Email, HttpClient Client);

    private async Task<Neighbour> NeighbourAsync(string lastName)
    {
        var email = $"{lastName.ToLowerInvariant()}-{Guid.NewGuid():N}@beispiel.de";
        var registered = await app.CreateClient().PostAsJsonAsync("/api/volunteers/registrations", new
        {
            firstName = "Grete", lastName, email, phone = "03431 765432", street = "Bahnhofstraße", houseNumber = "12", quartier = "Döbeln-Nord",
            birthDate = "1958-04-01", languages = new[] { "Deutsch" }, availability = new[] { "di-vormittag" }, skills = "Vorlesen",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var volunteerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        await app.TrackAsync(async () => (await coordinator.PostAsync($"/api/volunteers/{volunteerId}/confirm", null)).EnsureSuccessStatusCode());
        var userId = await AccountOfAsync(volunteerId);
        await app.SetPasswordAsync(userId);
        return new Neighbour(volunteerId, email, await app.SignedInClientAsync(new TestUser(userId, email, $"Grete {lastName}", Roles.Ehrenamt)));
    }

    /// <summary>The account Volunteers linked to the volunteer on confirmation (its own documents are not this module's to load).</summary>
    private async Task<Guid> AccountOfAsync(Guid volunteerId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id FROM volunteers.mt_doc_volunteer WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", volunteerId);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private Task<Payee?> PayeeAsync(Guid volunteerId) => app.InScopeAsync(s => s.GetRequiredService<IQuerySession>().LoadAsync<Payee>(volunteerId));

    private static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_volunteer_enters_bank_details_on_the_page_the_change_is_audited_without_the_iban_and_mailed_to_them()
    {
        var grete = await NeighbourAsync("Bankmann");
        var page = "/Compensation/Bankverbindung";

        var invalid = await grete.Client.SubmitFormAsync(page, ("Input.Iban", "DE89 3704 0044 0532 0130 01"), ("Input.AccountHolder", "Grete Bankmann"),
            ("Input.DeclaredEhrenamtspauschale", "-5"), ("Input.Version", "1"));

        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Prüfziffer", html, StringComparison.Ordinal);
        Assert.Contains("zwischen 0 und 100.000", html, StringComparison.Ordinal);
        Assert.Null((await PayeeAsync(grete.VolunteerId))!.Iban);

        var version = (await PayeeAsync(grete.VolunteerId))!.Version;
        var tracked = await app.TrackAsync(async () =>
        {
            var saved = await grete.Client.SubmitFormAsync(page, ("Input.Iban", "de89 3704 0044 0532 0130 00"), ("Input.AccountHolder", "Grete Bankmann"),
                ("Input.DeclaredEhrenamtspauschale", "120,50"), ("Input.DeclaredUebungsleiterpauschale", ""), ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        });

        var payee = (await PayeeAsync(grete.VolunteerId))!;
        Assert.Equal("DE89370400440532013000", payee.Iban);
        Assert.Equal(120.50m, payee.DeclaredElsewhere(2026, AllowanceKind.Ehrenamtspauschale));
        var change = Assert.Single(payee.History);
        Assert.Contains("endet auf 3000", change.What, StringComparison.Ordinal);
        Assert.DoesNotContain("0532", change.What, StringComparison.Ordinal);
        Assert.Equal("Grete Bankmann", change.ByName);
        var message = tracked.FindSingleTrackedMessageOfType<BankDetailsChanged>();
        Assert.Equal(grete.Email, message.Email);
        var mail = await Eventually.UntilAsync(
            () => Task.FromResult(ReceivedMail.FromPickupDirectory(app.MailPickupDirectory).FirstOrDefault(m => m.To.Any(t => t.Address == grete.Email) && m.Subject.Contains("Bankverbindung", StringComparison.Ordinal))),
            m => m is not null, "the mail about the changed bank details");
        Assert.Equal("Ihre Bankverbindung wurde geändert", mail!.Subject);
        Assert.DoesNotContain("0532", mail.TextBody, StringComparison.Ordinal);

        var shown = await (await grete.Client.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains(ValidIban, shown, StringComparison.Ordinal);
        Assert.Contains("120,5", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_bank_details_through_the_API_are_refused_in_German_and_nothing_changes()
    {
        var grete = await NeighbourAsync("Fehler");
        var url = $"/api/compensation/payees/{grete.VolunteerId}/bank-details";
        var version = (await grete.Client.GetFromJsonAsync<JsonElement>("/api/compensation/me")).GetProperty("version").GetInt32();

        var errors = await FieldErrorsAsync(await grete.Client.PutAsJsonAsync(url,
            new { iban = "DE12 3456", accountHolder = "Иван Петров", declaredEhrenamtspauschale = -1m, version }));

        Assert.Contains("IBAN", errors["iban"][0], StringComparison.Ordinal);
        Assert.Contains("lateinischen Buchstaben", errors["accountHolder"][0], StringComparison.Ordinal);
        Assert.Contains("zwischen 0 und 100.000", errors["declaredEhrenamtspauschale"][0], StringComparison.Ordinal);
        var stale = await grete.Client.PutAsJsonAsync(url, new { iban = ValidIban, accountHolder = "Grete Fehler", version = version + 5 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var payee = (await PayeeAsync(grete.VolunteerId))!;
        Assert.Null(payee.Iban);
        Assert.Empty(payee.History);

        Assert.Equal(HttpStatusCode.OK, (await grete.Client.PutAsJsonAsync(url, new { iban = ValidIban, accountHolder = "Grete Fehler", version })).StatusCode);
        var me = await grete.Client.GetFromJsonAsync<JsonElement>("/api/compensation/me");
        Assert.Equal(ValidIban, me.GetProperty("iban").GetString());
    }

    [Fact]
    public async Task A_volunteer_reaches_only_their_own_payee_payouts_and_summary_and_finance_reaches_the_summary()
    {
        var grete = await NeighbourAsync("Eigen");
        var other = await NeighbourAsync("Fremd");
        var finance = await app.SignedInClientAsync(Roles.Finanzen);

        Assert.Equal(HttpStatusCode.NotFound, (await grete.Client.GetAsync($"/api/compensation/payees/{other.VolunteerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grete.Client.PutAsJsonAsync($"/api/compensation/payees/{other.VolunteerId}/bank-details",
            new { iban = ValidIban, accountHolder = "Grete Eigen", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grete.Client.GetAsync($"/api/compensation/payees/{other.VolunteerId}/payouts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grete.Client.GetAsync($"/api/compensation/payees/{other.VolunteerId}/years/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grete.Client.GetAsync($"/Compensation/Jahresuebersicht/{other.VolunteerId}")).StatusCode);
        Assert.Null((await PayeeAsync(other.VolunteerId))!.Iban);
        Assert.Equal(HttpStatusCode.OK, (await grete.Client.GetAsync($"/api/compensation/payees/{grete.VolunteerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync($"/api/compensation/payees/{other.VolunteerId}/years/2026")).StatusCode);
        // Bank details are the volunteer's own: finance does not read or change them here.
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/api/compensation/payees/{other.VolunteerId}")).StatusCode);
        // The finance pages stay closed to volunteers.
        Assert.Equal(HttpStatusCode.Forbidden, (await grete.Client.GetAsync("/api/compensation/budget/2026")).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_sees_the_approved_payouts_by_month_with_the_year_so_far_and_finance_gets_the_budget_as_csv()
    {
        var grete = await NeighbourAsync("Auszahlung");
        var (v, role) = (grete.VolunteerId, "rolle-stundensatz");
        await app.PublishAndTrackAsync(new EnrolmentActivated(Guid.NewGuid(), At, v, role, "stundensatz", new LocalDate(2025, 1, 1)));
        // January: 90 h × 12 € = 1.080 €, above the 960 € Ehrenamtspauschale of 2026 less 100 € declared elsewhere.
        await app.PublishAndTrackAsync(new ActivityConfirmed(Guid.NewGuid(), At, Guid.NewGuid(), v, null, role, new LocalDate(2026, 1, 12), 90 * 60, 0m, "Besuch"));
        var version = (await grete.Client.GetFromJsonAsync<JsonElement>("/api/compensation/me")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await grete.Client.PutAsJsonAsync($"/api/compensation/payees/{v}/bank-details",
            new { iban = ValidIban, accountHolder = "Grete Auszahlung", declaredEhrenamtspauschale = 100m, version })).StatusCode);
        var preparer = await app.SignedInClientAsync(Roles.Finanzen);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsJsonAsync("/api/compensation/runs", new { month = "2026-01" })).StatusCode);

        // A draft is not the volunteer's to see yet.
        var draft = await grete.Client.GetFromJsonAsync<JsonElement>($"/api/compensation/payees/{v}/payouts?year=2026");
        Assert.Empty(draft.GetProperty("months").EnumerateArray());
        await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync("/api/compensation/runs/2026-01/approve", new { })).StatusCode));

        var statement = await grete.Client.GetFromJsonAsync<JsonElement>($"/api/compensation/payees/{v}/payouts?year=2026");
        var january = Assert.Single(statement.GetProperty("months").EnumerateArray());
        // 860 € of the allowance remain tax-free and are paid; the 220 € above are withheld.
        Assert.Equal(860m, january.GetProperty("total").GetDecimal());
        Assert.Equal(220m, january.GetProperty("withheldAboveCap").GetDecimal());
        Assert.Equal(860m, statement.GetProperty("paid").GetDecimal());
        var ehrenamt = statement.GetProperty("allowances").EnumerateArray().First();
        Assert.Equal((960m, 100m, 860m, 0m), (ehrenamt.GetProperty("cap").GetDecimal(), ehrenamt.GetProperty("declaredElsewhere").GetDecimal(),
            ehrenamt.GetProperty("paidAgainst").GetDecimal(), ehrenamt.GetProperty("remaining").GetDecimal()));

        var page = await (await grete.Client.GetAsync("/Compensation/Meine")).Content.ReadAsStringAsync();
        Assert.Contains("Januar 2026: 860,00 €", page, StringComparison.Ordinal);
        Assert.Contains("Einbehalten: 220,00 €", page, StringComparison.Ordinal);
        var summary = await grete.Client.GetAsync("/Compensation/Jahresuebersicht?jahr=2026");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Contains("Jahresübersicht 2026: Aufwandsentschädigung für", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await approver.GetAsync($"/Compensation/Jahresuebersicht/{v}?jahr=2026")).StatusCode);

        var budgetPage = await (await approver.GetAsync("/Compensation/Budget?jahr=2026")).Content.ReadAsStringAsync();
        Assert.Contains("/api/compensation/budget/2026/csv", budgetPage, StringComparison.Ordinal);
        var csv = await approver.GetAsync("/api/compensation/budget/2026/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Jahr;Modell;Quartier;Ehrenamtliche;Auszahlungen;Betrag (EUR)", lines[0]);
        Assert.Contains("2026;Stundensatz Nachbarschaftshilfe;Döbeln-Nord;1;1;1080,00", lines);
        Assert.Contains("2026;Einbehalten über dem Freibetrag (nicht überwiesen);Döbeln-Nord;1;1;220,00", lines);
    }

    [Fact]
    public async Task The_model_form_refuses_negative_rates_and_overlapping_periods_inline_and_saves_a_combined_model()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var page = "/Compensation/Modell";
        (string, string)[] Fields(string secondFrom, string flat) =>
        [
            ("Input.Key", "kombi-test"), ("Input.Name", "Pauschale mit Fahrtkosten"), ("Input.Allowance", "Ehrenamtspauschale"), ("Input.Version", "0"),
            ("Input.Rates[0].EffectiveFrom", "2026-01-01"), ("Input.Rates[0].MonthlyFlat", flat), ("Input.Rates[0].FlatHoursCap", "32"),
            ("Input.Rates[0].PerKilometre", "0,30"), ("Input.Rates[1].EffectiveFrom", ""),
            ("Input.Rates[2].EffectiveFrom", secondFrom), ("Input.Rates[2].HourlyRate", "12,50"),
        ];

        var negative = await (await finance.SubmitFormAsync(page, Fields("2026-07-01", "-80"))).Content.ReadAsStringAsync();
        var overlapping = await (await finance.SubmitFormAsync(page, Fields("2026-01-01", "80"))).Content.ReadAsStringAsync();
        var unreadable = await (await finance.SubmitFormAsync(page, Fields("2026-07-01", "80.00"))).Content.ReadAsStringAsync();

        Assert.Contains("Die Pauschale muss zwischen 0 und 10.000 € liegen.", negative, StringComparison.Ordinal);
        Assert.Contains("überschneiden sich", overlapping, StringComparison.Ordinal);
        Assert.Contains("Komma vor den Cent", unreadable, StringComparison.Ordinal);
        Assert.All([negative, overlapping, unreadable], html => Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal));
        var models = await finance.GetFromJsonAsync<JsonElement>("/api/compensation/models");
        Assert.DoesNotContain(models.EnumerateArray(), m => m.GetProperty("key").GetString() == "kombi-test");

        var saved = await finance.SubmitFormAsync(page, Fields("2026-07-01", "80"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        models = await finance.GetFromJsonAsync<JsonElement>("/api/compensation/models");
        var model = Assert.Single(models.EnumerateArray(), m => m.GetProperty("key").GetString() == "kombi-test");
        Assert.Equal(2, model.GetProperty("rates").GetArrayLength());
        var list = await (await finance.GetAsync("/Compensation/Modelle")).Content.ReadAsStringAsync();
        Assert.Contains("80,00 € im Monat, anteilig nach Stunden (voll ab 32 Std.); 0,30 € je km", list, StringComparison.Ordinal);
        Assert.Contains("12,50 € je Stunde", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caps_page_shows_2025_and_2026_fixed_and_saves_a_coming_year_but_refuses_the_running_one()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var page = "/Compensation/Freibetraege";

        var shown = await (await finance.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("960,00 €", shown, StringComparison.Ordinal);
        Assert.Contains("3.000,00 €", shown, StringComparison.Ordinal);
        var running = await (await finance.SubmitFormAsync(page, [new("Input.Ehrenamtspauschale", "1000"), new("Input.Uebungsleiterpauschale", "3300"),
            new("Input.MinijobPerMonth", "603"), new("Input.Version", "0")], "/Compensation/Freibetraege?year=2026")).Content.ReadAsStringAsync();
        var negative = await (await finance.SubmitFormAsync(page, [new("Input.Ehrenamtspauschale", "-1"), new("Input.Uebungsleiterpauschale", "3300"),
            new("Input.MinijobPerMonth", "603"), new("Input.Version", "0")], "/Compensation/Freibetraege?year=2027")).Content.ReadAsStringAsync();

        Assert.Contains("festgeschrieben", running, StringComparison.Ordinal);
        Assert.Contains("zwischen 0 und 100.000", negative, StringComparison.Ordinal);
        var saved = await finance.SubmitFormAsync(page, [new("Input.Ehrenamtspauschale", "1000"), new("Input.Uebungsleiterpauschale", "3400"),
            new("Input.MinijobPerMonth", "620"), new("Input.Version", "0")], "/Compensation/Freibetraege?year=2027");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var caps = await finance.GetFromJsonAsync<JsonElement>("/api/compensation/caps");
        Assert.Contains(caps.EnumerateArray(), c => c.GetProperty("year").GetInt32() == 2027 && c.GetProperty("ehrenamtspauschale").GetDecimal() == 1000m);
        Assert.DoesNotContain(caps.EnumerateArray(), c => c.GetProperty("year").GetInt32() == 2026 && c.GetProperty("ehrenamtspauschale").GetDecimal() == 1000m);
    }
}
