using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using NodaTime;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Domain;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Cases;

public sealed class CaseOverviewTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task The_case_manager_sees_resident_case_and_contact_and_the_read_is_audited()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Sabine Fuchs");
        var @case = await app.CreateCaseAsync(manager, "Erika", "Müller", lastContactOn: new LocalDate(2026, 2, 27));
        var client = await app.SignedInClientAsync(manager);

        var overview = await client.GetFromJsonAsync<JsonElement>($"/api/case-management/cases/{@case.Id}");

        Assert.Equal(@case.Number, overview.GetProperty("number").GetString());
        Assert.Equal("Open", overview.GetProperty("status").GetString());
        Assert.Equal("2026-02-27", overview.GetProperty("lastContactOn").GetString());
        Assert.Equal(3, overview.GetProperty("daysWithoutContact").GetInt32());
        Assert.False(overview.GetProperty("noContactAlert").GetBoolean());
        var resident = overview.GetProperty("resident");
        Assert.Equal("Erika Müller", resident.GetProperty("displayName").GetString());
        Assert.Equal(84, resident.GetProperty("age").GetInt32());
        Assert.Equal("Pflegegrad2", resident.GetProperty("careLevel").GetString());
        Assert.Equal("Sabine Fuchs", overview.GetProperty("caseManager").GetProperty("name").GetString());
        var audited = await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.CaseId == @case.Id && e.Action == AuditAction.Read && e.UserId == manager.Id));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Another_case_manager_gets_404_on_page_and_api_and_the_attempt_is_audited()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var stranger = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(stranger);

        await (await client.GetAsync($"/api/case-management/cases/{@case.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/CaseManagement/Faelle/{@case.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/CaseManagement/Faelle/{@case.Id}/Journal")).StatusCode);
        await (await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "InProgress", version = @case.Version }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var denied = await app.DbAsync(db => db.AuditEntries.CountAsync(e => e.CaseId == @case.Id && e.Action == AuditAction.DeniedRead && e.UserId == stranger.Id));
        Assert.True(denied >= 3);
        Assert.Equal(CaseStatus.Open, (await app.ReloadCaseAsync(@case.Id)).Status);
    }

    [Fact]
    public async Task Coordination_sees_every_case()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);

        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync($"/api/case-management/cases/{@case.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_status_change_with_an_old_version_is_refused_with_409_and_changes_nothing()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);

        var first = await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "InProgress", version = @case.Version });
        var second = await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "Dormant", version = @case.Version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("inzwischen geändert", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.InProgress, (await app.ReloadCaseAsync(@case.Id)).Status);
    }

    [Fact]
    public async Task Closing_or_an_unknown_status_is_refused_with_a_german_field_message()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);

        var closing = await (await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "Closed", version = @case.Version }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "Erledigt", version = @case.Version }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var noVersion = await (await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/status", new { status = "Dormant" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Fall abschließen", closing.FieldMessage("status"), StringComparison.Ordinal);
        Assert.NotEmpty(unknown.FieldMessage("status"));
        Assert.Contains("Bearbeitungsstand", noVersion.FieldMessage("version"), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Open, (await app.ReloadCaseAsync(@case.Id)).Status);
    }

    [Fact]
    public async Task The_page_changes_the_status_and_shows_a_conflict_inline()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var url = $"/CaseManagement/Faelle/{@case.Id}";

        var changed = await client.SubmitFormAsync(url, [new("StatusInput.Status", "Dormant"), new("StatusInput.Version", @case.Version.ToString())], url + "?handler=Status");
        var afterChange = await client.GetStringAsync(url);
        var stale = await client.SubmitFormAsync(url, [new("StatusInput.Status", "InProgress"), new("StatusInput.Version", @case.Version.ToString())], url + "?handler=Status");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Der Status ist geändert.", afterChange, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("inzwischen geändert", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Dormant, (await app.ReloadCaseAsync(@case.Id)).Status);
    }

    [Fact]
    public async Task The_page_shows_the_no_contact_alert_once_the_last_contact_is_too_long_ago()
    {
        app.Clock.Reset(QpApp.DefaultStart);
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var @case = await app.CreateCaseAsync(manager, "Gerda", "Lehmann", lastContactOn: new LocalDate(2026, 2, 17));
        var client = await app.SignedInClientAsync(manager);
        var url = $"/CaseManagement/Faelle/{@case.Id}";

        var before = await client.GetStringAsync(url);
        app.Clock.Advance(Duration.FromDays(1));
        var after = await (await app.SignedInClientAsync(manager)).GetStringAsync(url); // the old sign-in has expired by then
        app.Clock.Reset(QpApp.DefaultStart);

        Assert.DoesNotContain("kein Kontakt", before, StringComparison.Ordinal);
        Assert.Contains("Seit 14 Tagen kein Kontakt", after, StringComparison.Ordinal);
        Assert.Contains("Gerda Lehmann", after, StringComparison.Ordinal);
        Assert.Contains("/CaseManagement/Faelle/" + @case.Id + "/Abschliessen", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_manager_sets_a_deputy_who_then_sees_the_case()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement, "Jens Vertreter");
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);

        var set = await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/deputy", new { deputyId = deputy.Id, version = @case.Version });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var deputyClient = await app.SignedInClientAsync(deputy);
        var overview = await deputyClient.GetFromJsonAsync<JsonElement>($"/api/case-management/cases/{@case.Id}");
        Assert.Equal("Jens Vertreter", overview.GetProperty("deputy").GetProperty("name").GetString());
        Assert.True(overview.GetProperty("viewerIsOnlyDeputy").GetBoolean());
    }

    [Fact]
    public async Task Only_an_active_case_manager_can_be_deputy_shown_inline_on_the_page()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement);
        var finance = await app.CreateUserAsync(Roles.Finanzen);
        var @case = await app.CreateCaseAsync(manager);
        var client = await app.SignedInClientAsync(manager);
        var url = $"/CaseManagement/Faelle/{@case.Id}";

        var api = await (await client.PutAsJsonAsync($"/api/case-management/cases/{@case.Id}/deputy", new { deputyId = finance.Id, version = @case.Version }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var page = await client.SubmitFormAsync(url, [new("DeputyInput.DeputyId", manager.Id.ToString()), new("DeputyInput.Version", @case.Version.ToString())], url + "?handler=Deputy");

        Assert.Contains("Fallmanagement", api.FieldMessage("deputyId"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("nicht zugleich ihre eigene Vertretung", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await app.ReloadCaseAsync(@case.Id)).DeputyId);
    }
}
