using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Access;

/// <summary>Who may read and change a resident's file, relatives and consents, and what the protocol shows whom.</summary>
public sealed class ResidentAccessTests(QpApp app) : IClassFixture<QpApp>
{
    private static string Resident(Guid id) => $"{CaseWorkApi.Residents}/{id}";

    [Fact]
    public async Task A_case_manager_unrelated_to_the_resident_is_refused_everywhere_and_each_attempt_is_audited()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var intruder = await app.CreateUserAsync(Roles.Fallmanagement, "Ulla Unbeteiligt");
        var intruderClient = await app.SignedInClientAsync(intruder);
        var (residentId, _) = await owner.ResidentWithCaseAsync("Vertraulich");
        var consentId = await owner.GiveConsentAsync(residentId, new { purpose = "ContactRelatives", givenOn = "2026-03-01", form = "Written" });
        var edit = CaseWorkApi.ResidentBody(lastName: "Überschrieben");
        edit["version"] = 1;

        await (await intruderClient.GetAsync(Resident(residentId))).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruderClient.PutAsJsonAsync(Resident(residentId), edit)).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruderClient.GetAsync($"{Resident(residentId)}/consents")).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruderClient.PostAsJsonAsync($"{Resident(residentId)}/consents",
            new { purpose = "StoreData", givenOn = "2026-03-01", form = "Written" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await intruderClient.PostAsJsonAsync($"{Resident(residentId)}/consents/{consentId}/withdraw",
            new { withdrawnOn = "2026-03-02", form = "Written", confirmed = true })).ProblemAsync(HttpStatusCode.NotFound);

        foreach (var page in new[] { "", "/Bearbeiten", "/Einwilligungen" })
        {
            var response = await intruderClient.GetAsync($"/CaseManagement/Bewohner/{residentId}{page}");
            var html = await response.HtmlAsync(HttpStatusCode.Forbidden);
            Assert.Contains("<h1>Kein Zugriff</h1>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Vertraulich", html, StringComparison.Ordinal);
        }

        var denied = await app.QueryAsync(db => db.AuditEntries
            .Where(e => e.ResidentId == residentId && e.Action == AuditAction.DeniedRead && e.UserId == intruder.Id).CountAsync());
        Assert.Equal(8, denied);
        var stored = await app.QueryAsync(db => db.Residents.Where(r => r.Id == residentId).SingleAsync());
        Assert.Equal("Vertraulich", stored.LastName);
        Assert.Equal(2, await app.QueryAsync(db => db.Consents.Where(c => c.ResidentId == residentId && c.WithdrawnAt == null).CountAsync()));
    }

    [Fact]
    public async Task A_resident_without_a_case_is_open_to_case_managers_until_the_first_case_then_to_its_people()
    {
        var first = await app.SignedInClientAsync(Roles.Fallmanagement);
        var colleague = await app.SignedInClientAsync(Roles.Fallmanagement);
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement, "Doris Vertretung");
        var deputyClient = await app.SignedInClientAsync(deputy);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var residentId = await first.CreateResidentAsync(lastName: "Neuzugang");

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(Resident(residentId))).StatusCode);
        await colleague.GiveStoreDataConsentAsync(residentId);
        await first.OpenCaseAsync(residentId, new { residentId, deputyId = deputy.Id });

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Resident(residentId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await deputyClient.GetAsync($"{Resident(residentId)}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync(Resident(residentId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(Resident(residentId))).StatusCode);
        // Nor can the colleague open a case of their own for someone whose file they no longer see.
        var second = await colleague.PostAsJsonAsync("/api/case-management/cases", new { residentId });
        Assert.Contains("Die Bewohnerin bzw. der Bewohner wurde nicht gefunden.",
            (await second.ProblemAsync(HttpStatusCode.BadRequest)).FieldMessages("residentId"));
    }

    [Fact]
    public async Task The_protocol_of_one_case_shows_nothing_of_another_case_of_the_same_resident()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var (residentId, caseA) = await owner.ResidentWithCaseAsync("Zweifach");
        // A second case of the same resident (straight into the database: how it was opened does not matter here).
        var other = await app.InScopeAsync(async services =>
        {
            var session = services.GetRequiredService<IDocumentSession>();
            var first = (await session.LoadAsync<QuartierPflege.CaseManagement.Domain.Case>(caseA))!;
            var next = new QuartierPflege.CaseManagement.Domain.Case
            {
                Number = "F-2026-9999",
                ResidentId = residentId,
                ResidentName = first.ResidentName,
                CaseManagerId = first.CaseManagerId,
                CaseManagerName = first.CaseManagerName,
                Quartier = first.Quartier,
                OpenedOn = first.OpenedOn,
                LastContactOn = first.OpenedOn,
            };
            session.Insert(next);
            await session.SaveChangesAsync();
            return next.Id;
        });
        await owner.PostAsJsonAsync($"/api/case-management/cases/{other}/journal", new { text = "Nur im zweiten Fall" });
        await owner.PostAsJsonAsync($"/api/case-management/cases/{other}/follow-ups", new { dueOn = "2026-03-20", title = "Termin Zweitfall" });

        var protocol = await (await owner.GetAsync($"/api/case-management/cases/{caseA}/audit")).JsonAsync(HttpStatusCode.OK);

        var descriptions = protocol.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("description").GetString()!).ToList();
        Assert.DoesNotContain(descriptions, d => d.Contains("Termin Zweitfall", StringComparison.Ordinal) || d.Contains("Journalnotiz", StringComparison.Ordinal));
        Assert.Contains(descriptions, d => d.StartsWith("Bewohner:in angelegt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deputy_does_not_learn_when_confidential_notes_were_written_and_coordination_sees_only_that_they_exist()
    {
        var manager = await app.CreateUserAsync(Roles.Fallmanagement, "Mara Fallführung");
        var deputy = await app.CreateUserAsync(Roles.Fallmanagement, "Dirk Vertretung");
        var managerClient = await app.SignedInClientAsync(manager);
        var deputyClient = await app.SignedInClientAsync(deputy);
        var coordination = await app.SignedInClientAsync(Roles.Koordination);
        var residentId = await managerClient.CreateResidentAsync(lastName: "Geheim");
        await managerClient.GiveStoreDataConsentAsync(residentId);
        var (caseId, _) = await managerClient.OpenCaseAsync(residentId, new { residentId, deputyId = deputy.Id });
        await managerClient.PostAsJsonAsync($"/api/case-management/cases/{caseId}/journal", new { text = "Streit mit dem Sohn – vertraulich.", isConfidential = true });

        var deputyProtocol = await (await deputyClient.GetAsync($"/api/case-management/cases/{caseId}/audit")).JsonAsync(HttpStatusCode.OK);
        var managerProtocol = await (await managerClient.GetAsync($"/api/case-management/cases/{caseId}/audit")).JsonAsync(HttpStatusCode.OK);
        var coordinationJournal = await (await coordination.GetAsync($"/CaseManagement/Faelle/{caseId}/Journal")).HtmlAsync();

        static bool AboutNote(System.Text.Json.JsonElement e) => e.GetProperty("description").GetString()!.Contains("(vertraulich)", StringComparison.Ordinal);
        Assert.DoesNotContain(deputyProtocol.GetProperty("entries").EnumerateArray(), AboutNote);
        Assert.Contains(managerProtocol.GetProperty("entries").EnumerateArray(), AboutNote);
        Assert.DoesNotContain("Streit mit dem Sohn", coordinationJournal, StringComparison.Ordinal);
        Assert.Contains("Vertrauliche Notiz: Der Inhalt ist nur für die Fallverantwortlichen sichtbar.", coordinationJournal, StringComparison.Ordinal);
        Assert.Contains("Sie sehen diesen Fall als Koordination", coordinationJournal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_case_through_the_api_checks_the_deputy_like_the_page()
    {
        var owner = await app.SignedInClientAsync(Roles.Fallmanagement);
        var volunteer = await app.CreateUserAsync(Roles.Ehrenamt, "Erwin Ehrenamt");
        var residentId = await owner.CreateResidentAsync(lastName: "Vertretungsprobe");
        await owner.GiveStoreDataConsentAsync(residentId);

        var unknown = await owner.PostAsJsonAsync("/api/case-management/cases", new { residentId, deputyId = Guid.NewGuid() });
        var notACaseManager = await owner.PostAsJsonAsync("/api/case-management/cases", new { residentId, deputyId = volunteer.Id });

        const string Message = "Bitte wählen Sie eine aktive Person aus dem Fallmanagement als Vertretung.";
        Assert.Contains(Message, (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).FieldMessages("deputyId"));
        Assert.Contains(Message, (await notACaseManager.ProblemAsync(HttpStatusCode.BadRequest)).FieldMessages("deputyId"));
        Assert.Equal(0, await app.QueryAsync(db => db.Cases.Where(c => c.ResidentId == residentId).CountAsync()));
    }

    [Fact]
    public async Task A_resident_search_is_audited_with_who_searched_for_what()
    {
        var searcher = await app.CreateUserAsync(Roles.Fallmanagement, "Sabine Sucherin");
        var client = await app.SignedInClientAsync(searcher);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{CaseWorkApi.Residents}?q=Krause")).StatusCode);

        var entry = await app.QueryAsync(db => db.AuditEntries.Where(e => e.UserId == searcher.Id && e.RecordKind == "ResidentSearch").SingleAsync());
        Assert.StartsWith("Bewohner:innen gesucht „Krause“", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handing_a_case_over_makes_the_colleague_responsible_and_both_see_the_note_in_the_protocol()
    {
        var from = await app.CreateUserAsync(Roles.Fallmanagement, "Hanna Abgabe");
        var to = await app.CreateUserAsync(Roles.Fallmanagement, "Theo Übernahme");
        var fromClient = await app.SignedInClientAsync(from);
        var toClient = await app.SignedInClientAsync(to);
        var (_, caseId) = await fromClient.ResidentWithCaseAsync("Übergabe");
        var version = (await (await fromClient.GetAsync($"/api/case-management/cases/{caseId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32();

        var empty = await fromClient.PostAsJsonAsync($"/api/case-management/cases/{caseId}/handover", new { newCaseManagerId = to.Id, note = " ", version });
        Assert.Contains("Bitte schreiben Sie eine Übergabenotiz", string.Join(" ", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).FieldMessages("note")), StringComparison.Ordinal);
        var done = await fromClient.PostAsJsonAsync($"/api/case-management/cases/{caseId}/handover",
            new { newCaseManagerId = to.Id, note = "Tochter ruft dienstags an.", version, previousStaysAsDeputy = true });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var stored = await app.QueryAsync(db => db.Cases.Where(c => c.Id == caseId).SingleAsync());
        Assert.Equal((to.Id, "Theo Übernahme", from.Id), (stored.CaseManagerId, stored.CaseManagerName, stored.DeputyId));
        foreach (var client in new[] { toClient, fromClient })
        {
            var protocol = await (await client.GetAsync($"/api/case-management/cases/{caseId}/audit")).JsonAsync(HttpStatusCode.OK);
            Assert.Contains(protocol.GetProperty("entries").EnumerateArray(), e => e.GetProperty("description").GetString()!
                .StartsWith("Fallverantwortung übertragen von Hanna Abgabe an Theo Übernahme", StringComparison.Ordinal));
        }

        var page = await (await toClient.GetAsync($"/CaseManagement/Faelle/{caseId}/Protokoll")).HtmlAsync();
        Assert.Contains("Übergabenotiz: Tochter ruft dienstags an.", page, StringComparison.Ordinal);
    }
}
