using QuartierPflege.BuildingBlocks.Contracts.Messaging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Compensation.DataProtection;
using QuartierPflege.Compensation.Domain;
using QuartierPflege.Compensation.Features.Sepa;
using QuartierPflege.DataProtection.Contracts;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Compensation.Tests.DataProtection;

/// <summary>
/// Compensation's part of data protection through the message bus and HTTP: the sweep deletes vouchers 8 years after
/// their year ended (once, also when it runs twice at once), erasure keeps paid vouchers restricted with the date,
/// a person's copy, and the bank-details read log. Records are stored directly; each test uses its own months and people.
/// </summary>
public sealed class CompensationDataProtectionTests(QpApp app) : IClassFixture<QpApp>
{
    private const string Iban = "DE89370400440532013000";

    /// <summary>The first message through a handler generates its code; on a shared 2-core machine that can take long.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(90);

    private RetentionPeriods DefaultPeriods() => app.DefaultRetentionPeriods();

    private static T Reply<T>(ITrackedSession tracked, Func<T, bool> which)
        where T : IIntegrationMessage
        => tracked.FindEnvelopesWithMessageType<T>().Select(e => e.Message).OfType<T>().DistinctBy(m => m.MessageId).Single(which);

    private static IReadOnlyList<T> Replies<T>(ITrackedSession tracked)
        => [.. tracked.FindEnvelopesWithMessageType<T>().Select(e => e.Message).OfType<T>().Distinct()];

    private async Task StoreAsync(Action<IDocumentSession> work)
        => await app.InScopeAsync(async s =>
        {
            await using var session = s.GetRequiredService<IDocumentStore>().LightweightSession();
            work(session);
            await session.SaveChangesAsync();
        });

    private Task<T?> LoadAsync<T>(object id)
        where T : class
        => app.InScopeAsync(s => id is Guid g ? s.GetRequiredService<IQuerySession>().LoadAsync<T>(g) : s.GetRequiredService<IQuerySession>().LoadAsync<T>((string)id));

    /// <summary>A paid run of <paramref name="month"/> (paid on <paramref name="paidOn"/>) with one payout for the volunteer, its accrual and SEPA file.</summary>
    private static void PaidMonth(IDocumentSession session, Guid volunteerId, string name, YearMonth month, LocalDate paidOn, decimal amount, RunStatus status = RunStatus.Paid)
    {
        var run = new PayoutRun { Id = PayoutRun.IdOf(month), Month = month, MonthKey = Accrual.KeyOf(month), Status = status, PaidOn = status == RunStatus.Paid ? paidOn : null, Total = amount, PayoutCount = 1 };
        session.Store(run);
        session.Store(new Payout
        {
            Id = Payout.IdOf(volunteerId, month), RunId = run.Id, VolunteerId = volunteerId, MonthKey = run.MonthKey, DisplayName = name, Quartier = "Hartha",
            Total = amount,
            Lines = [new PayoutLine("stundensatz", LineKind.Hourly, "Nachbarschaftshilfe", 4m, "Std.", amount / 4m, amount, AllowanceKind.Ehrenamtspauschale, true, month)],
        });
        session.Store(new Accrual { Id = Guid.NewGuid(), VolunteerId = volunteerId, RoleProfileKey = "nachbarschaftshilfe", Date = new LocalDate(month.Year, month.Month, 10), MonthKey = run.MonthKey, Minutes = 240 });
        if (status is RunStatus.Paid or RunStatus.Exported)
        {
            session.Store(new SepaExportDocument { Id = run.Id, MessageId = $"QP-{run.MonthKey}", FileName = "x.xml", Xml = "<x/>", ExecutionDate = paidOn });
        }
    }

    [Fact]
    public async Task Vouchers_whose_year_ended_eight_years_ago_are_deleted_and_those_of_seven_years_ago_are_kept_once_also_when_the_sweep_runs_twice_at_once()
    {
        var volunteer = Guid.NewGuid();
        await StoreAsync(s =>
        {
            s.Store(new Payee { Id = volunteer, DisplayName = "Grete Alt", Quartier = "Hartha", Iban = Iban, AccountHolder = "Grete Alt" });
            PaidMonth(s, volunteer, "Grete Alt", new YearMonth(2018, 11), new LocalDate(2018, 12, 4), 40m);
            PaidMonth(s, volunteer, "Grete Alt", new YearMonth(2019, 11), new LocalDate(2019, 12, 4), 48m);
        });
        // 2 January 2027: the year 2018 ended 8 years and 2 days ago, 2019 only 7 years ago.
        var date = new LocalDate(2027, 1, 2);
        var first = new RetentionSweep(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), date, DefaultPeriods());
        var second = first with { MessageId = Guid.NewGuid(), SweepId = Guid.NewGuid() };

        var tracked = await app.TrackAsync(async () =>
        {
            var bus = app.Services.GetRequiredService<Wolverine.IMessageBus>();
            await Task.WhenAll(bus.PublishAsync(first).AsTask(), bus.PublishAsync(second).AsTask());
        }, Slow);

        var replies = Replies<RetentionSwept>(tracked).Where(r => r.Module == CompensationPersonalData.ModuleName).ToList();
        Assert.Equal(2, replies.Count);
        int Deleted(string kind) => replies.Sum(r => r.Counts.Single(c => c.KindKey == kind).Deleted);
        Assert.Equal(1, Deleted(CompensationPersonalData.PayoutKind));
        Assert.Equal(1, Deleted(CompensationPersonalData.SepaKind));
        Assert.Equal(1, Deleted(CompensationPersonalData.AccrualKind));
        Assert.Equal(0, Deleted(CompensationPersonalData.PayeeKind));
        Assert.Contains(replies, r => r.Counts.All(c => c.Deleted == 0 && c.Anonymised == 0));
        Assert.Null(await LoadAsync<Payout>(Payout.IdOf(volunteer, new YearMonth(2018, 11))));
        Assert.Null(await LoadAsync<PayoutRun>(PayoutRun.IdOf(new YearMonth(2018, 11))));
        Assert.Null(await LoadAsync<SepaExportDocument>(PayoutRun.IdOf(new YearMonth(2018, 11))));
        Assert.NotNull(await LoadAsync<Payout>(Payout.IdOf(volunteer, new YearMonth(2019, 11))));
        Assert.NotNull(await LoadAsync<SepaExportDocument>(PayoutRun.IdOf(new YearMonth(2019, 11))));
        Assert.NotNull(await LoadAsync<Payee>(volunteer));

        // A year later the 2019 voucher is due as well, and the payee goes with its last voucher.
        var forecast = await app.InScopeAsync(s => s.GetServices<IPersonalDataHolder>().Single(h => h.Module == CompensationPersonalData.ModuleName)
            .DueAsync(new LocalDate(2028, 1, 2), DefaultPeriods(), CancellationToken.None));
        Assert.Equal(1, forecast.Single(c => c.KindKey == CompensationPersonalData.PayoutKind).Deleted);
        Assert.Equal(1, forecast.Single(c => c.KindKey == CompensationPersonalData.PayeeKind).Deleted);
    }

    [Fact]
    public async Task Erasing_a_volunteer_with_paid_allowances_keeps_the_payouts_restricted_until_the_end_of_the_eighth_year_and_erases_the_bank_details()
    {
        var email = $"beleg-{Guid.NewGuid():N}@beispiel.de";
        var registration = await app.CreateClient().PostAsJsonAsync("/api/volunteers/registrations", new
        {
            firstName = "Grete", lastName = "Beleg", email, phone = "03431 765432", street = "Bahnhofstraße", houseNumber = "12", quartier = "Döbeln-Nord",
            birthDate = "1958-04-01", languages = new[] { "Deutsch" }, availability = new[] { "di-vormittag" }, skills = "Vorlesen",
        });
        Assert.Equal(HttpStatusCode.Created, registration.StatusCode);
        var volunteer = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var coordinator = await app.SignedInClientAsync(Roles.Koordination);
        await app.TrackAsync(async () => (await coordinator.PostAsync($"/api/volunteers/{volunteer}/confirm", null)).EnsureSuccessStatusCode(), Slow);
        var paid = new YearMonth(2025, 11);
        var created = (await LoadAsync<Payee>(volunteer))!;
        created.Iban = Iban;
        created.AccountHolder = "Grete Beleg";
        created.Declarations = [new AllowanceDeclaration(2025, 100m, 0m)];
        await StoreAsync(s =>
        {
            s.UpdateRevision(created, created.Version + 1);
            PaidMonth(s, volunteer, "Grete Beleg", paid, new LocalDate(2025, 12, 3), 40m);
            s.Store(new Accrual { Id = Guid.NewGuid(), VolunteerId = volunteer, RoleProfileKey = "nachbarschaftshilfe", Date = new LocalDate(2026, 2, 10), MonthKey = 202602, Minutes = 60 });
        });
        var subject = new DataSubject(DataSubjectKind.Volunteer, volunteer, "Grete Beleg", [], email);
        var objections = await app.InScopeAsync(s => s.GetServices<IPersonalDataHolder>().Single(h => h.Module == CompensationPersonalData.ModuleName)
            .ErasureObjectionsAsync(subject, CancellationToken.None));
        Assert.Empty(objections);

        var request = new EraseDataSubject(Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(), subject, new LocalDate(2026, 3, 2));
        var tracked = await app.PublishAndTrackAsync(request, Slow);

        // Volunteers erases the profile in the same request; Compensation keeps the voucher, restricted.
        var profile = Reply<DataSubjectErased>(tracked, r => r.Module == "Ehrenamt");
        Assert.Equal(1, profile.Lines.Single(l => l.KindKey == "volunteers.profile").Erased);
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM volunteers.mt_doc_volunteer WHERE id = @id", connection);
            count.Parameters.AddWithValue("id", volunteer);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }

        var reply = Reply<DataSubjectErased>(tracked, r => r.Module == CompensationPersonalData.ModuleName);
        Assert.Equal(request.RequestId, reply.RequestId);
        var payouts = reply.Lines.Single(l => l.KindKey == CompensationPersonalData.PayoutKind);
        Assert.Equal(1, payouts.Restricted);
        Assert.Equal(new LocalDate(2033, 12, 31), payouts.RestrictedUntil);
        Assert.Contains("31.12.2033", payouts.Note, StringComparison.Ordinal);
        Assert.Contains("§ 147 AO", payouts.Note, StringComparison.Ordinal);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == CompensationPersonalData.AccrualKind).Erased);
        Assert.Equal(1, reply.Lines.Single(l => l.KindKey == CompensationPersonalData.PayeeKind).Erased);

        var payee = (await LoadAsync<Payee>(volunteer))!;
        Assert.Null(payee.Iban);
        Assert.Null(payee.AccountHolder);
        Assert.Equal(string.Empty, payee.Email);
        Assert.Equal(new LocalDate(2033, 12, 31), payee.RestrictedUntil);
        Assert.Equal(100m, payee.DeclaredElsewhere(2025, AllowanceKind.Ehrenamtspauschale));
        Assert.Equal(new LocalDate(2033, 12, 31), (await LoadAsync<Payout>(Payout.IdOf(volunteer, paid)))!.RestrictedUntil);

        // Kept, but out of lists and statements; the run's total still counts it.
        var finance = await app.SignedInClientAsync(Roles.Finanzen);
        var run = await finance.GetFromJsonAsync<JsonElement>("/api/compensation/runs/2025-11");
        Assert.Empty(run.GetProperty("payouts").EnumerateArray());
        Assert.Equal(40m, run.GetProperty("run").GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/compensation/payees/{volunteer}/years/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/compensation/finance/payees/{volunteer}")).StatusCode);
        var list = await (await finance.GetAsync("/Compensation/Jahresuebersicht?jahr=2025")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Grete Beleg", list, StringComparison.Ordinal);

        // Erasing again restricts nothing new and still answers.
        var again = Reply<DataSubjectErased>(await app.PublishAndTrackAsync(request with { MessageId = Guid.NewGuid() }, Slow), r => r.Module == CompensationPersonalData.ModuleName);
        Assert.All(again.Lines, l => Assert.Equal(0, l.Erased));
        Assert.Equal(0, again.Lines.Single(l => l.KindKey == CompensationPersonalData.PayoutKind).Restricted);
    }

    [Fact]
    public async Task An_approved_payout_not_yet_transferred_is_an_objection_to_erasure()
    {
        var volunteer = Guid.NewGuid();
        await StoreAsync(s =>
        {
            s.Store(new Payee { Id = volunteer, DisplayName = "Grete Wartend", Quartier = "Hartha", Iban = Iban, AccountHolder = "Grete Wartend" });
            PaidMonth(s, volunteer, "Grete Wartend", new YearMonth(2025, 10), new LocalDate(2025, 11, 3), 30m, RunStatus.Approved);
        });

        var objections = await app.InScopeAsync(s => s.GetServices<IPersonalDataHolder>().Single(h => h.Module == CompensationPersonalData.ModuleName)
            .ErasureObjectionsAsync(new DataSubject(DataSubjectKind.Volunteer, volunteer, "Grete Wartend", [], null), CancellationToken.None));

        var objection = Assert.Single(objections);
        Assert.Contains("Oktober 2025", objection, StringComparison.Ordinal);
        Assert.Contains("30,00 €", objection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteers_copy_holds_the_full_iban_every_payout_with_its_lines_and_a_summary_per_year()
    {
        var volunteer = Guid.NewGuid();
        await StoreAsync(s =>
        {
            s.Store(new Payee { Id = volunteer, DisplayName = "Grete Kopie", Quartier = "Hartha", Iban = Iban, AccountHolder = "Grete Kopie" });
            PaidMonth(s, volunteer, "Grete Kopie", new YearMonth(2025, 9), new LocalDate(2025, 10, 3), 12.5m);
        });

        var section = await app.InScopeAsync(s => s.GetServices<IPersonalDataHolder>().Single(h => h.Module == CompensationPersonalData.ModuleName)
            .ExportAsync(new DataSubject(DataSubjectKind.Volunteer, volunteer, "Grete Kopie", [], null), CancellationToken.None));

        var payee = section.Records.Single(r => r.Title == "Zahlungsempfänger und Bankverbindung");
        Assert.Equal("DE89 3704 0044 0532 0130 00", payee.Fields.Single(f => f.Label == "IBAN").Value);
        var payout = section.Records.Single(r => r.Title == "Auszahlung September 2025");
        Assert.Equal("12,50 €", payout.Fields.Single(f => f.Label == "Betrag").Value);
        Assert.Contains(payout.Fields, f => f.Label == "Nachbarschaftshilfe" && f.Value!.EndsWith("= 12,50 €", StringComparison.Ordinal));
        Assert.Equal("12,50 €", section.Records.Single(r => r.Title == "Jahresübersicht 2025").Fields.Single(f => f.Label == "Ausgezahlt").Value);
        var resident = await app.InScopeAsync(s => s.GetServices<IPersonalDataHolder>().Single(h => h.Module == CompensationPersonalData.ModuleName)
            .ExportAsync(new DataSubject(DataSubjectKind.Resident, volunteer, "Jemand", [], null), CancellationToken.None));
        Assert.Empty(resident.Records);
    }

    [Fact]
    public async Task Finance_reading_bank_details_leaves_an_entry_coordination_sees_and_an_entry_cannot_be_updated()
    {
        var volunteer = Guid.NewGuid();
        await StoreAsync(s => s.Store(new Payee { Id = volunteer, DisplayName = "Grete Gelesen", Quartier = "Hartha", Iban = Iban, AccountHolder = "Grete Gelesen" }));
        var finance = await app.SignedInClientAsync(Roles.Finanzen);

        var read = await finance.GetFromJsonAsync<JsonElement>($"/api/compensation/finance/payees/{volunteer}");
        Assert.Equal("DE89 3704 0044 0532 0130 00", read.GetProperty("iban").GetString());
        Assert.Empty(read.GetProperty("reads").EnumerateArray());
        var page = await (await finance.GetAsync($"/Compensation/Zahlungsempfaenger/{volunteer}")).Content.ReadAsStringAsync();
        Assert.Contains("DE89 3704 0044 0532 0130 00", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Zugriffe auf die Bankverbindung", page, StringComparison.Ordinal);

        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var shown = await (await coordination.GetAsync($"/Compensation/Zahlungsempfaenger/{volunteer}")).Content.ReadAsStringAsync();
        Assert.Contains("Zugriffe auf die Bankverbindung", shown, StringComparison.Ordinal);
        Assert.Contains("Zahlungsempfänger (API)", shown, StringComparison.Ordinal);
        Assert.Contains("Seite Zahlungsempfänger", shown, StringComparison.Ordinal);
        var entries = await app.InScopeAsync(s => s.GetRequiredService<PayeeReadLog>().LatestAsync(s.GetRequiredService<IQuerySession>(), volunteer, CancellationToken.None));
        Assert.Equal(3, entries.Count);

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE compensation.mt_doc_payee_read_audit SET data = data || '{\"ReaderName\":\"niemand\"}' WHERE volunteer_id = @id", connection);
        update.Parameters.AddWithValue("id", volunteer);
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
    }
}
