using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuartierPflege.BuildingBlocks.Documents;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.DataProtection;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.DataProtection.Contracts;
using NodaTime;
using QuartierPflege.BuildingBlocks.Time;
using Wolverine;
using System.Net;
using System.Net.Http.Json;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.CaseManagement.Tests.DataProtection;

/// <summary>Case Management's part of data protection: the append-only audit, retention, a resident's copy and erasure.</summary>
public sealed class CaseDataProtectionTests(QpApp app) : IClassFixture<QpApp>
{
    private const string AuditTable = "case_management.mt_doc_audit_entry";

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry_but_takes_new_ones()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Unveränderlich");
        var entry = await app.QueryAsync(db => db.AuditEntries.FirstAsync(e => e.ResidentId == residentId));
        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            session.Insert(new AuditEntry { RecordKind = "Test", UserName = "Test", Description = "noch ein Eintrag", ResidentId = residentId });
            await session.SaveChangesAsync();
        });

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE {AuditTable} SET data = data WHERE id = $1", entry.Id));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM {AuditTable} WHERE id = $1", entry.Id));

        Assert.Contains("nur fortschreibbar", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("DELETE", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ResidentId == residentId)));
    }

    [Fact]
    public async Task The_retention_sweep_may_delete_audit_entries_within_its_own_transaction_only()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var residentId = await client.CreateResidentAsync(lastName: "Verjährt");

        await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            session.AllowRetentionDeletes();
            session.DeleteWhere<AuditEntry>(e => e.ResidentId == residentId);
            await session.SaveChangesAsync();
        });

        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.ResidentId == residentId)));
        // The flag ended with that transaction: the next delete on a pooled connection is refused again.
        var another = await client.CreateResidentAsync(lastName: "Danach");
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM {AuditTable} WHERE data->>'ResidentId' = $1", another.ToString()));
    }

    [Fact]
    public async Task A_case_closed_three_years_and_a_day_ago_is_anonymised_exactly_once_and_a_younger_or_held_one_is_not()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var today = app.Clock.Today();
        var (oldResident, oldCase) = await client.ResidentWithCaseAsync("Abgelaufen");
        var (youngResident, youngCase) = await client.ResidentWithCaseAsync("Knappdrin");
        var (heldResident, heldCase) = await client.ResidentWithCaseAsync("Gesperrt");
        await CloseAsync(oldCase, today.PlusYears(-3).PlusDays(-1));
        await CloseAsync(youngCase, today.PlusYears(-3).PlusDays(1));
        await CloseAsync(heldCase, today.PlusYears(-3).PlusDays(-1));

        var refused = await coordination.PostAsJsonAsync($"/api/case-management/cases/{heldCase}/legal-hold", new { reason = "" });
        var held = await coordination.PostAsJsonAsync($"/api/case-management/cases/{heldCase}/legal-hold", new { reason = "Klage der Vermieterin, Az. 3 C 12/29" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, held.StatusCode);
        var overview = await (await coordination.GetAsync($"/api/case-management/cases/{heldCase}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Klage der Vermieterin, Az. 3 C 12/29", overview.GetProperty("legalHold").GetProperty("reason").GetString());
        var forecast = await app.InScopeAsync(sp => sp.GetServices<IPersonalDataHolder>().Single(h => h.Module == CaseManagementPersonalData.ModuleName)
            .DueAsync(today, DefaultPeriods(), CancellationToken.None));
        var concurrent = await SweepAsync(today, times: 2);
        var again = Assert.Single(await SweepAsync(today, times: 1));

        Assert.Equal(1, Count(forecast, CaseManagementPersonalData.CaseFileKey));
        Assert.Equal(1, concurrent.Sum(s => Count(s.Counts, CaseManagementPersonalData.CaseFileKey)));
        Assert.Equal(1, concurrent.Sum(s => Count(s.Counts, CaseManagementPersonalData.ResidentKey)));
        Assert.Equal(0, Count(again.Counts, CaseManagementPersonalData.CaseFileKey));
        var (resident, @case) = await app.QueryAsync(async db => (await db.Session.LoadAsync<Resident>(oldResident), await db.Session.LoadAsync<Case>(oldCase)));
        Assert.Equal(CaseAnonymisation.Removed, resident!.LastName);
        Assert.Null(resident.Phone);
        Assert.Equal("Döbeln-Nord", resident.Quartier);
        Assert.Equal(CaseAnonymisation.Removed, @case!.ResidentName);
        Assert.Equal("Döbeln-Nord", @case.Quartier);
        Assert.Equal(today.PlusYears(-3).PlusDays(-1), @case.ClosedOn);
        Assert.Equal(0, await app.QueryAsync(db => db.Cases.CountAsync(c => (c.Id == youngCase || c.Id == heldCase) && c.AnonymisedOn != null)));
        Assert.Equal(2, await app.QueryAsync(db => db.Residents.CountAsync(r => (r.Id == youngResident || r.Id == heldResident) && r.AnonymisedOn == null)));
    }

    [Fact]
    public async Task Erasing_a_resident_deletes_their_case_file_but_not_while_a_case_is_open_and_the_audit_entries_stay()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (openResident, _) = await client.ResidentWithCaseAsync("Nochoffen");
        var (closedResident, closedCase) = await client.ResidentWithCaseAsync("Vergessen");
        await CloseAsync(closedCase, app.Clock.Today());

        var refused = await EraseAsync(openResident);
        var erased = await EraseAsync(closedResident);
        var again = await EraseAsync(closedResident);

        Assert.Contains("ist noch offen", Assert.Single(refused.Lines).Note, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.Residents.CountAsync(r => r.Id == openResident)));
        Assert.Equal(0, await app.QueryAsync(db => db.Residents.CountAsync(r => r.Id == closedResident)));
        Assert.Equal(0, await app.QueryAsync(db => db.Cases.CountAsync(c => c.Id == closedCase)));
        Assert.Equal(1, erased.Lines.Single(l => l.KindKey == CaseManagementPersonalData.ResidentKey).Erased);
        var audit = erased.Lines.Single(l => l.KindKey == CaseManagementPersonalData.AuditEntryKey);
        Assert.True(audit.Restricted > 0);
        Assert.Equal(app.Clock.Today().PlusYears(2), audit.RestrictedUntil);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ResidentId == closedResident)));
        Assert.Equal(0, again.Lines.Single(l => l.KindKey == CaseManagementPersonalData.ResidentKey).Erased);
    }

    [Fact]
    public async Task Coordination_sets_and_lifts_a_legal_hold_on_the_case_page_only_with_a_reason()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var (_, caseId) = await caseManager.ResidentWithCaseAsync("Gesperrt");
        var page = $"/CaseManagement/Faelle/{caseId}";
        var post = $"{page}?handler=LegalHold";

        var refused = await (await coordination.SubmitFormAsync(page, [new("LegalHoldInput.Lift", "false"), new("LegalHoldInput.Reason", " ")], post)).HtmlAsync();
        Assert.Contains("Bitte geben Sie den Grund an.", Pages.FieldErrors(refused));
        Assert.Contains("error-summary", refused, StringComparison.Ordinal);
        Assert.Null((await app.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == caseId))).LegalHold);

        var set = await coordination.SubmitFormAsync(page, [new("LegalHoldInput.Lift", "false"), new("LegalHoldInput.Reason", "Klage beim Sozialgericht Leipzig")], post);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var held = await (await coordination.GetAsync(page)).HtmlAsync();
        Assert.Contains("Aufbewahrung wegen Rechtsstreit: Klage beim Sozialgericht Leipzig", held, StringComparison.Ordinal);
        Assert.Contains("Sperrvermerk aufheben", held, StringComparison.Ordinal);
        Assert.DoesNotContain("Sperrvermerk setzen", await (await caseManager.GetAsync(page)).HtmlAsync(), StringComparison.Ordinal);

        var lifted = await coordination.SubmitFormAsync(page, [new("LegalHoldInput.Lift", "true"), new("LegalHoldInput.Reason", "Verfahren beendet")], post);
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Null((await app.QueryAsync(db => db.Cases.SingleAsync(c => c.Id == caseId))).LegalHold);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.CaseId == caseId && e.Description.Contains("Sperrvermerk aufgehoben"))));
    }

    [Fact]
    public async Task Withdrawing_the_storage_consent_after_closing_requests_an_erasure_that_data_protection_shows()
    {
        var caseManager = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var residentId = await caseManager.CreateResidentAsync(lastName: "Widerruf");
        var consentId = await caseManager.GiveStoreDataConsentAsync(residentId);
        var (caseId, _) = await caseManager.OpenCaseAsync(residentId);
        var consentPage = $"/CaseManagement/Bewohner/{residentId}/Einwilligungen";
        Assert.Contains("Sobald der Fall abgeschlossen ist, beginnt automatisch die Löschung", await (await caseManager.GetAsync(consentPage)).HtmlAsync(), StringComparison.Ordinal);
        await CloseAsync(caseId, app.Clock.Today());
        Assert.Contains("beginnt mit dem Widerruf sofort die Löschung", await (await caseManager.GetAsync(consentPage)).HtmlAsync(), StringComparison.Ordinal);

        HttpResponseMessage? withdrawn = null;
        var tracked = await app.TrackAsync(async () => withdrawn = await caseManager.PostAsJsonAsync(
            $"{CaseWorkApi.Residents}/{residentId}/consents/{consentId}/withdraw", new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true }));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn!.StatusCode);
        var requested = Assert.Single(tracked.Sent.MessagesOf<ErasureRequested>().DistinctBy(m => m.MessageId));
        Assert.Equal(residentId, requested.SubjectId);
        Assert.Equal(ConsentWithdrawalEffects.ErasureReason, requested.Reason);

        await (await coordination.GetAsync($"/api/data-protection/erasure-requests/{requested.MessageId}")).JsonAsync(HttpStatusCode.OK);
    }

    private async Task<DataSubjectErased> EraseAsync(Guid residentId)
    {
        var tracked = await app.PublishAndTrackAsync(new EraseDataSubject(
            Guid.NewGuid(), app.Clock.GetCurrentInstant(), Guid.NewGuid(),
            new DataSubject(DataSubjectKind.Resident, residentId, "Test", [], null), app.Clock.Today()));
        return tracked.ErasedBy(CaseManagementPersonalData.ModuleName).Single();
    }

    private static int Count(IReadOnlyList<RetentionCount> counts, string key) => counts.Where(c => c.KindKey == key).Sum(c => c.Anonymised);

    private RetentionPeriods DefaultPeriods() => app.DefaultRetentionPeriods();

    /// <summary>Sweeps published at once (a duplicate delivery, or a second Host), and Case Management's answers to them.</summary>
    private async Task<IReadOnlyList<RetentionSwept>> SweepAsync(LocalDate date, int times)
    {
        var tracked = await app.SweepAtOnceAsync(date, DefaultPeriods(), [.. Enumerable.Range(0, times).Select(_ => Guid.NewGuid())]);
        return tracked.SweptBy(CaseManagementPersonalData.ModuleName);
    }

    private Task CloseAsync(Guid caseId, LocalDate on)
        => app.InScopeAsync(async sp =>
        {
            var session = sp.GetRequiredService<IDocumentSession>();
            var @case = await session.LoadAsync<Case>(caseId);
            @case!.Status = CaseStatus.Closed;
            @case.ClosedOn = on;
            session.Store(@case);
            await session.SaveChangesAsync();
        });

    private async Task ExecuteAsync(string sql, object parameter)
    {
        await using var command = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }
}
