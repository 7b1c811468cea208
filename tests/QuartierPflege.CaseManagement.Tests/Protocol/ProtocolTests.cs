using System.Net;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Protocol;

/// <summary>Record-level access and the audit trail of a case ("Protokoll").</summary>
public sealed class ProtocolTests(QpApp app) : IClassFixture<QpApp>
{
    private static string Audit(Guid caseId) => $"/api/case-management/cases/{caseId}/audit";

    [Fact]
    public async Task Another_case_manager_gets_404_and_the_owner_sees_the_attempt_in_the_protocol()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var intruder = await app.CreateUserAsync(Roles.Fallmanagement, "Nora Neugier");
        var intruderClient = await app.SignedInClientAsync(intruder);
        var (_, caseId) = await owner.ResidentWithCaseAsync("Geschützt");

        await (await intruderClient.GetAsync(Audit(caseId))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await intruderClient.GetAsync($"/CaseManagement/Faelle/{caseId}/Protokoll")).StatusCode);

        var protocol = await (await owner.GetAsync(Audit(caseId))).JsonAsync(HttpStatusCode.OK);
        var denied = protocol.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "DeniedRead").ToList();
        Assert.Equal(2, denied.Count);
        Assert.All(denied, e => Assert.Equal("Nora Neugier", e.GetProperty("userName").GetString()));
        var page = await (await owner.GetAsync($"/CaseManagement/Faelle/{caseId}/Protokoll")).HtmlAsync();
        Assert.Contains("<td>Nora Neugier</td><td>Zugriff verweigert</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_sees_every_case_and_its_protocol()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var (_, caseId) = await owner.ResidentWithCaseAsync("Koordiniert");

        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync(Audit(caseId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync($"/CaseManagement/Faelle/{caseId}/Protokoll")).StatusCode);
    }

    [Fact]
    public async Task The_protocol_lists_case_and_resident_entries_newest_first_and_records_its_own_reading()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement, "Paula Protokoll");
        var owner = await app.SignedInClientAsync(user);
        var residentId = await owner.CreateResidentAsync(lastName: "Chronik");
        app.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        await owner.GiveStoreDataConsentAsync(residentId);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        var (caseId, number) = await owner.OpenCaseAsync(residentId);
        app.Clock.Advance(NodaTime.Duration.FromMinutes(1));

        var protocol = await (await owner.GetAsync(Audit(caseId))).JsonAsync(HttpStatusCode.OK);

        var descriptions = protocol.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        Assert.Equal($"Protokoll des Falls {number} angesehen", descriptions[0]);
        Assert.StartsWith($"Fall {number} eröffnet", descriptions[1], StringComparison.Ordinal);
        Assert.StartsWith("Einwilligung erteilt: Daten speichern", descriptions[2], StringComparison.Ordinal);
        Assert.StartsWith("Bewohner:in angelegt", descriptions[^1], StringComparison.Ordinal);
        var page = await (await owner.GetAsync($"/CaseManagement/Faelle/{caseId}/Protokoll")).HtmlAsync();
        Assert.Contains("aria-label=\"Bereiche des Falls\"", page, StringComparison.Ordinal);
        Assert.Contains("<td>Paula Protokoll</td><td>angelegt</td>", page, StringComparison.Ordinal);
        Assert.Contains("02.03.2026 09:0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_protocol_of_an_unknown_case_is_404()
    {
        var client = await app.SignedInClientAsync(Roles.Koordination);

        await (await client.GetAsync(Audit(Guid.NewGuid()))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
