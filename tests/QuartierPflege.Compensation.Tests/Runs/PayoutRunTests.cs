using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuartierPflege.BuildingBlocks.Modules;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.Contracts;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Demo;
using QuartierPflege.Compensation.Features.Runs;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.Testing;
using QuartierPflege.Volunteers.Contracts;
using Wolverine;
using Wolverine.Tracking;

namespace QuartierPflege.Compensation.Tests.Runs;

/// <summary>
/// Accrual from Volunteers' messages, preparing runs (twice, and from two Hosts at once), review and four-eyes
/// approval, through HTTP and messages. Each test uses its own months, so the tests share one database in any order.
/// </summary>
public sealed class PayoutRunTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly Instant At = QpApp.DefaultStart;

    private async Task<Guid> VolunteerAsync(string name, string modelKey, YearMonth month, params (int Day, int Minutes, decimal Km)[] activities)
    {
        var volunteer = Guid.NewGuid();
        var role = $"rolle-{modelKey}";
        await app.PublishAndTrackAsync(new VolunteerRegistered(Guid.NewGuid(), At, volunteer, name, $"{volunteer:N}@test.quartierpflege.de", "Hartha"));
        await app.PublishAndTrackAsync(new EnrolmentActivated(Guid.NewGuid(), At, volunteer, role, modelKey, new LocalDate(2025, 1, 1)));
        foreach (var (day, minutes, km) in activities)
        {
            await app.PublishAndTrackAsync(new ActivityConfirmed(Guid.NewGuid(), At, Guid.NewGuid(), volunteer, null, role, month.OnDayOfMonth(day), minutes, km, "Besuch"));
        }

        await BankDetailsAsync(volunteer, "DE89 3704 0044 0532 0130 00");
        return volunteer;
    }

    /// <summary>What the volunteer enters on their own page (the other part of the module): null removes it.</summary>
    private async Task BankDetailsAsync(Guid volunteer, string? iban) => await app.InScopeAsync(async services =>
    {
        var session = services.GetRequiredService<IDocumentSession>();
        var payee = await session.LoadAsync<Payee>(volunteer) ?? throw new InvalidOperationException("No payee was created.");
        payee.Iban = iban is null ? null : Iban.Parse(iban).Value;
        payee.AccountHolder = iban is null ? null : payee.DisplayName;
        session.Store(payee);
        await session.SaveChangesAsync();
    });

    private static async Task<JsonElement> RunAsync(HttpClient client, string month) => await client.GetFromJsonAsync<JsonElement>($"/api/compensation/runs/{month}");

    private static JsonElement PayoutOf(JsonElement run, Guid volunteer)
        => run.GetProperty("payouts").EnumerateArray().Single(p => p.GetProperty("volunteerId").GetGuid() == volunteer);

    private async Task<int> PayoutCountAsync(Guid volunteer) => await app.InScopeAsync(async s =>
        await s.GetRequiredService<IQuerySession>().Query<Payout>().CountAsync(p => p.VolunteerId == volunteer));

    [Fact]
    public async Task Preparing_a_month_twice_makes_one_payout_per_volunteer_with_lines_and_flags_a_missing_bank_account()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var hourly = await VolunteerAsync("Erika Stunden", "stundensatz", new YearMonth(2025, 10), (6, 90, 0m), (20, 150, 0m));
        await BankDetailsAsync(hourly, null);
        // The same message twice (a redelivery) accrues once.
        var activity = new ActivityConfirmed(Guid.NewGuid(), At, Guid.NewGuid(), hourly, null, "rolle-stundensatz", new LocalDate(2025, 10, 21), 60, 0m, "Besuch");
        await app.PublishAndTrackAsync(activity);
        await app.PublishAndTrackAsync(activity);
        var driver = await VolunteerAsync("Fritz Fahrer", "fahrtkosten", new YearMonth(2025, 10), (7, 60, 42.5m));

        var first = await app.TrackAsync(async () => Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-10" })).StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-10" })).StatusCode);

        // Published whether or not a consumer exists yet (Notifications mails finance once it handles it).
        var prepared = first.FindSingleTrackedMessageOfType<PayoutRunPrepared>();
        Assert.Equal(new YearMonth(2025, 10), prepared.Month);
        Assert.Equal(1, await PayoutCountAsync(hourly));
        Assert.Equal(1, await PayoutCountAsync(driver));
        var run = await RunAsync(finance, "2025-10");
        // 5 h × 12,00 € (the default Stundensatz); 42,5 km × 0,30 €.
        Assert.Equal(60m, PayoutOf(run, hourly).GetProperty("total").GetDecimal());
        Assert.Equal(12.75m, PayoutOf(run, driver).GetProperty("total").GetDecimal());
        Assert.Contains("Keine gültige Bankverbindung", PayoutOf(run, hourly).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var id = PayoutOf(run, hourly).GetProperty("id").GetGuid();
        var detail = await finance.GetFromJsonAsync<JsonElement>($"/api/compensation/runs/2025-10/payouts/{id}");
        var line = Assert.Single(detail.GetProperty("lines").EnumerateArray());
        Assert.Equal((5m, 12m, 60m), (line.GetProperty("quantity").GetDecimal(), line.GetProperty("rate").GetDecimal(), line.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_payout_without_bank_details_is_held_until_the_volunteer_enters_them_and_the_run_is_recomputed()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        var without = await VolunteerAsync("Olaf Ohnekonto", "stundensatz", new YearMonth(2025, 4), (6, 120, 0m));
        var with = await VolunteerAsync("Mia Mitkonto", "stundensatz", new YearMonth(2025, 4), (6, 60, 0m));
        await BankDetailsAsync(without, null);
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-04" })).StatusCode);
        var payout = PayoutOf(await RunAsync(finance, "2025-04"), without);

        var release = await finance.PostAsJsonAsync($"/api/compensation/runs/2025-04/payouts/{payout.GetProperty("id").GetGuid()}/release", new { });
        var page = WebUtility.HtmlDecode(await approver.GetStringAsync("/Compensation/Lauf/2025-04"));

        Assert.True(payout.GetProperty("held").GetBoolean());
        Assert.Equal("Keine gültige Bankverbindung", payout.GetProperty("heldReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, release.StatusCode);
        Assert.Contains("Ohne gültige Bankverbindung", await release.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Keine gültige Bankverbindung: 1 Auszahlung", page, StringComparison.Ordinal);
        Assert.Matches("Olaf Ohnekonto: 24,00.€ \\(angehalten\\)", page);
        // Only what can be transferred counts towards the sum.
        Assert.Equal(12m, (await RunAsync(finance, "2025-04")).GetProperty("run").GetProperty("total").GetDecimal());

        await BankDetailsAsync(without, "DE02 1203 0000 0000 2020 51");
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-04" })).StatusCode);
        var recomputed = await RunAsync(finance, "2025-04");
        Assert.False(PayoutOf(recomputed, without).GetProperty("held").GetBoolean());
        Assert.DoesNotContain("Keine gültige Bankverbindung", PayoutOf(recomputed, without).GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(36m, recomputed.GetProperty("run").GetProperty("total").GetDecimal());

        // Removed again after preparing: the approval holds it rather than passing it to the export.
        await BankDetailsAsync(with, null);
        var approval = await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync("/api/compensation/runs/2025-04/approve", new { version = (int?)null })).StatusCode));
        var approved = await RunAsync(finance, "2025-04");
        Assert.True(PayoutOf(approved, with).GetProperty("held").GetBoolean());
        Assert.Equal([without], approval.Sent.MessagesOf<PayoutApproved>().Where(m => m.VolunteerId == without || m.VolunteerId == with).Select(m => m.VolunteerId));
    }

    [Fact]
    public async Task A_run_with_many_payouts_is_shown_a_page_at_a_time_flagged_first_and_can_be_narrowed_to_the_flagged()
    {
        var month = new YearMonth(2024, 3);
        var run = new PayoutRun { Id = PayoutRun.IdOf(month), Month = month, MonthKey = 202403, Status = RunStatus.Draft, PayoutCount = 120, FlaggedCount = 3, Version = 1,
            FlagCounts = new() { [PayoutCalculation.FlagCapReached] = 3 } };
        var payouts = Enumerable.Range(0, 120).Select(i => new Payout
        {
            Id = Guid.NewGuid(), RunId = run.Id, VolunteerId = Guid.NewGuid(), MonthKey = 202403, DisplayName = $"Viele {i:D3}", Total = 10m,
            Flags = i % 40 == 5 ? [PayoutCalculation.FlagCapReached] : [], Flagged = i % 40 == 5,
        }).ToList();
        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            session.Insert(run);
            session.Insert(payouts.ToArray());
            await session.SaveChangesAsync();
        });
        var finance = await app.SignedInClientAsync(Roles.Finanzen);

        var first = WebUtility.HtmlDecode(await finance.GetStringAsync("/Compensation/Lauf/2024-03"));
        var third = WebUtility.HtmlDecode(await finance.GetStringAsync("/Compensation/Lauf/2024-03?seite=3"));
        var flagged = WebUtility.HtmlDecode(await finance.GetStringAsync("/Compensation/Lauf/2024-03?markiert=true"));

        Assert.Equal(50, CountOf(first, "<section class=\"card\""));
        Assert.Contains("Seite 1 von 3", first, StringComparison.Ordinal);
        Assert.Contains("Freibetrag ausgeschöpft: ein Teil wird einbehalten: 3 Auszahlungen", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("Viele 085", StringComparison.Ordinal) < first.IndexOf("Viele 000", StringComparison.Ordinal), "flagged payouts come first");
        Assert.Equal(20, CountOf(third, "<section class=\"card\""));
        Assert.Contains("Viele 119", third, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(flagged, "<section class=\"card\""));
        Assert.Contains("3 markierte Auszahlungen", flagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_two_paid_months_and_a_run_awaiting_a_second_person_with_flagged_payouts_and_seeding_again_changes_nothing()
    {
        for (var i = 0; i < 2; i++)
        {
            await app.InScopeAsync(services => services.GetServices<IDemoDataSeeder>().OfType<DemoPayouts>().Single().SeedAsync(CancellationToken.None));
        }

        var (runs, gerda, frank, petra) = await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IQuerySession>();
            var months = new[] { new YearMonth(2025, 12), new YearMonth(2026, 1), new YearMonth(2026, 2) };
            var runs = (await session.LoadManyAsync<PayoutRun>(months.Select(PayoutRun.IdOf))).OrderBy(r => r.MonthKey).ToList();
            async Task<List<Payout>> Of(int index)
            {
                var id = DemoPayouts.VolunteerIdOf(index);
                return [.. (await session.Query<Payout>().Where(p => p.VolunteerId == id).ToListAsync()).OrderBy(p => p.MonthKey)];
            }

            return (runs, await Of(0), await Of(5), await Of(6));
        });

        Assert.Equal([RunStatus.Paid, RunStatus.Paid, RunStatus.Draft], runs.Select(r => r.Status));
        Assert.Equal(DemoAccounts.Finanzen2.Id, runs[0].ApprovedBy);
        Assert.Contains(DemoAccounts.Finanzen.Id, runs[2].Editors);
        // The demo Ehrenamt login (Volunteers' demo volunteer no. 0) was paid in each month, once.
        Assert.Equal([202512, 202601, 202602], gerda.Select(p => p.MonthKey));
        Assert.All(gerda, p => Assert.True(p.Total > 0m && !p.Held));
        var held = Assert.Single(frank);
        Assert.True(held.Held);
        Assert.Contains(PreparePayoutRunWork.FlagNoBankDetails, held.Flags);
        var capped = Assert.Single(petra);
        Assert.Contains(PayoutCalculation.FlagCapReached, capped.Flags);
        Assert.Equal(20m, capped.Caps.Single(c => c.Allowance == AllowanceKind.Ehrenamtspauschale).Paid);
        Assert.True(runs[2].FlaggedCount >= 2);
    }

    private static int CountOf(string html, string what)
    {
        var count = 0;
        for (var at = html.IndexOf(what, StringComparison.Ordinal); at >= 0; at = html.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Two_Hosts_preparing_the_same_month_at_once_make_one_payout_per_volunteer()
    {
        var month = new YearMonth(2025, 9);
        var volunteers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            volunteers.Add(await VolunteerAsync($"Zwei Hosts {i}", "aufwandspauschale", month, (3, 16 * 60, 0m)));
        }

        await using var second = QpApp.OnDatabase(app.ConnectionString);
        await second.InitializeAsync();
        async Task PrepareOn(QpApp host)
        {
            using var scope = host.Services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new PreparePayoutRun(Guid.NewGuid(), At, month));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The commit that came second is refused by the run's key; the first one's payouts stand.
            }
        }

        await Task.WhenAll(PrepareOn(app), PrepareOn(second), PrepareOn(app), PrepareOn(second));
        await PrepareOn(second);

        foreach (var volunteer in volunteers)
        {
            Assert.Equal(1, await PayoutCountAsync(volunteer));
        }

        var run = await RunAsync(await app.SignedInClientAsync(Roles.Finanzen), "2025-09");
        // 16 of 32 hours: half of the 80 € Aufwandspauschale.
        Assert.All(volunteers, v => Assert.Equal(40m, PayoutOf(run, v).GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task Whoever_prepared_or_changed_a_run_cannot_approve_it_and_a_second_finance_person_approves_it_once()
    {
        var preparerUser = await app.CreateUserAsync(Roles.Finanzen, "Frieda Vorbereitet");
        var preparer = await app.SignedInClientAsync(preparerUser);
        var holder = await app.SignedInClientAsync(Roles.Koordination);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        var paid = await VolunteerAsync("Paula Bezahlt", "stundensatz", new YearMonth(2025, 11), (4, 120, 0m));
        var heldVolunteer = await VolunteerAsync("Hans Angehalten", "stundensatz", new YearMonth(2025, 11), (4, 60, 0m));
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-11" })).StatusCode);
        var run = await RunAsync(approver, "2025-11");
        var heldId = PayoutOf(run, heldVolunteer).GetProperty("id").GetGuid();

        var refused = await preparer.PostAsJsonAsync("/api/compensation/runs/2025-11/approve", new { version = (int?)null });
        Assert.Equal(HttpStatusCode.BadRequest, (await holder.PostAsJsonAsync($"/api/compensation/runs/2025-11/payouts/{heldId}/hold", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"/api/compensation/runs/2025-11/payouts/{heldId}/hold", new { reason = "IBAN wird geprüft" })).StatusCode);
        var refusedHolder = await holder.PostAsJsonAsync("/api/compensation/runs/2025-11/approve", new { version = (int?)null });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Vier-Augen-Prinzip", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refusedHolder.StatusCode);
        Assert.Equal("Draft", (await RunAsync(approver, "2025-11")).GetProperty("run").GetProperty("status").GetString());

        var approval = await app.TrackAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync("/api/compensation/runs/2025-11/approve", new { version = (int?)null })).StatusCode));
        var again = await approver.PostAsJsonAsync("/api/compensation/runs/2025-11/approve", new { version = (int?)null });
        var holdAfter = await holder.PostAsJsonAsync($"/api/compensation/runs/2025-11/payouts/{heldId}/release", new { });
        var rePrepare = await preparer.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-11" });

        var approved = approval.Sent.MessagesOf<PayoutApproved>().Where(m => m.VolunteerId == paid || m.VolunteerId == heldVolunteer).ToList();
        var statement = Assert.Single(approved);
        Assert.Equal((paid, 24m, 24m), (statement.VolunteerId, statement.Total, statement.YearToDate));
        Assert.Equal("Ehrenamtspauschale", statement.AllowanceName);
        Assert.Equal(840m - 24m, statement.RemainingAllowance);
        Assert.Equal($"{paid:N}@test.quartierpflege.de", statement.Email);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("bereits freigegeben", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, holdAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rePrepare.StatusCode);
        Assert.Equal(1, await PayoutCountAsync(paid));
    }

    [Fact]
    public async Task A_correction_after_approval_becomes_an_adjustment_line_in_the_next_run()
    {
        var preparer = await app.SignedInClientAsync(Roles.Finanzen);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        var activityId = Guid.NewGuid();
        var volunteer = await VolunteerAsync("Karl Korrektur", "stundensatz", new YearMonth(2025, 6));
        await app.PublishAndTrackAsync(new ActivityConfirmed(Guid.NewGuid(), At, activityId, volunteer, null, "rolle-stundensatz", new LocalDate(2025, 6, 10), 180, 0m, "Besuch"));
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-06" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync("/api/compensation/runs/2025-06/approve", new { version = (int?)null })).StatusCode);

        await app.PublishAndTrackAsync(new ActivityCorrected(Guid.NewGuid(), At, activityId, volunteer, new LocalDate(2025, 6, 10), 240, 0m, false));
        await app.PublishAndTrackAsync(new ActivityConfirmed(Guid.NewGuid(), At, Guid.NewGuid(), volunteer, null, "rolle-stundensatz", new LocalDate(2025, 7, 2), 60, 0m, "Besuch"));
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-07" })).StatusCode);

        var july = PayoutOf(await RunAsync(approver, "2025-07"), volunteer);
        // July's hour (12 €) and June's extra hour as an adjustment (12 €); June's payout stays as it was approved.
        Assert.Equal(24m, july.GetProperty("total").GetDecimal());
        var detail = await approver.GetFromJsonAsync<JsonElement>($"/api/compensation/runs/2025-07/payouts/{july.GetProperty("id").GetGuid()}");
        Assert.Contains(detail.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString()!.StartsWith("Korrektur Juni 2025", StringComparison.Ordinal)
            && l.GetProperty("amount").GetDecimal() == 12m);
        Assert.Equal(36m, PayoutOf(await RunAsync(approver, "2025-06"), volunteer).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_German_messages_and_changes_nothing()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var before = await finance.GetStringAsync("/api/compensation/models");

        var negative = await finance.PutAsJsonAsync("/api/compensation/models/stundensatz", new
        {
            name = "Stundensatz", allowance = "Ehrenamtspauschale", version = 0, rates = new[] { new { effectiveFrom = "2026-01-01", hourlyRate = -5m } },
        });
        var overlapping = await finance.PutAsJsonAsync("/api/compensation/models/stundensatz", new
        {
            name = "Stundensatz", allowance = "Ehrenamtspauschale", version = 0,
            rates = new[] { new { effectiveFrom = "2026-01-01", hourlyRate = 12m }, new { effectiveFrom = "2026-01-01", hourlyRate = 13m } },
        });
        var unknownMonth = await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2026-13" });
        var currentMonth = await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2026-03" });
        var approveUnknown = await finance.PostAsJsonAsync("/api/compensation/runs/2026-13/approve", new { version = (int?)null });
        var approveMissing = await finance.PostAsJsonAsync("/api/compensation/runs/2024-01/approve", new { version = (int?)null });
        var pastCaps = await finance.PutAsJsonAsync("/api/compensation/caps/2026", new { ehrenamtspauschale = 1000m, uebungsleiterpauschale = 3300m, minijobPerMonth = 603m, version = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("Der Stundensatz muss zwischen 0 und 1.000 € liegen.", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("überschneiden sich", await overlapping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMonth.StatusCode);
        Assert.Contains("JJJJ-MM", await unknownMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, currentMonth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, approveUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, approveMissing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pastCaps.StatusCode);
        Assert.Equal(before, await finance.GetStringAsync("/api/compensation/models"));
    }

    [Fact]
    public async Task A_rate_change_saved_by_finance_applies_from_its_day_and_others_may_not_see_the_API()
    {
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var volunteer = await app.SignedInClientAsync(Roles.Ehrenamt);
        var save = await finance.PutAsJsonAsync("/api/compensation/models/besuch-stunden", new
        {
            name = "Besuchsdienst nach Stunden", allowance = "Uebungsleiterpauschale", version = 0,
            rates = new object[] { new { effectiveFrom = "2025-01-01", hourlyRate = 10m }, new { effectiveFrom = "2025-05-16", hourlyRate = 11m, perKilometre = 0.3m } },
        });
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var stale = await finance.PutAsJsonAsync("/api/compensation/models/besuch-stunden", new
        {
            name = "Besuchsdienst", allowance = "Uebungsleiterpauschale", version = 0, rates = new[] { new { effectiveFrom = "2025-01-01", hourlyRate = 10m } },
        });
        var someone = await VolunteerAsync("Berta Besuch", "besuch-stunden", new YearMonth(2025, 5), (15, 60, 10m), (16, 60, 10m));
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsJsonAsync("/api/compensation/runs", new { month = "2025-05" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/compensation/runs")).StatusCode);
        // 1 h at 10 €, 1 h at 11 € and 10 km at 0,30 € from 16 May.
        Assert.Equal(24m, PayoutOf(await RunAsync(finance, "2025-05"), someone).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task On_the_pages_finance_prepares_a_run_the_preparer_is_refused_approval_and_a_second_person_approves_it()
    {
        var preparer = await app.SignedInClientAsync(Roles.Finanzen);
        var approver = await app.SignedInClientAsync(Roles.Finanzen);
        var volunteer = await VolunteerAsync("Seitenlauf Sonja", "stundensatz", new YearMonth(2025, 8), (5, 120, 0m));

        var bad = await preparer.SubmitFormAsync("/Compensation", ("Month", "August"));
        var prepared = await preparer.SubmitFormAsync("/Compensation", ("Month", "2025-08"));
        var refused = await preparer.SubmitFormAsync("/Compensation/Lauf/2025-08", [new("version", "1")], "/Compensation/Lauf/2025-08?handler=Approve");
        var page = WebUtility.HtmlDecode(await approver.GetStringAsync("/Compensation/Lauf/2025-08"));
        var approved = await approver.SubmitFormAsync("/Compensation/Lauf/2025-08", [], "/Compensation/Lauf/2025-08?handler=Approve");

        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Bitte geben Sie den Monat als JJJJ-MM an", badHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, prepared.StatusCode);
        Assert.Contains("Vier-Augen-Prinzip", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("<h1>Auszahlungslauf August 2025</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Seitenlauf Sonja: 24,00", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("/Compensation/Lauf/2025-08?seite=1", approved.Headers.Location?.OriginalString);
        Assert.Equal("Approved", (await RunAsync(approver, "2025-08")).GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(1, await PayoutCountAsync(volunteer));
    }
}
