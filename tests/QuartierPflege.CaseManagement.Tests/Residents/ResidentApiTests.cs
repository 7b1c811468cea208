using System.Net;
using System.Net.Http.Json;
using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Auditing;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Residents;

public sealed class ResidentApiTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task A_case_manager_creates_a_resident_and_reads_the_file_back()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var id = await client.CreateResidentAsync("Erika", "Bauer");
        var resident = await (await client.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Bauer", resident.GetProperty("lastName").GetString());
        Assert.Equal("1941-05-14", resident.GetProperty("dateOfBirth").GetString());
        Assert.Equal("Pflegegrad2", resident.GetProperty("careLevel").GetString());
        Assert.Equal("2. OG links", resident.GetProperty("flat").GetString());
        Assert.Equal(["Deutsch", "Russisch"], resident.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        var relative = Assert.Single(resident.GetProperty("relatives").EnumerateArray());
        Assert.Equal("Tochter", relative.GetProperty("role").GetString());
        Assert.True(relative.GetProperty("mayBeContacted").GetBoolean());
    }

    [Fact]
    public async Task Creating_and_reading_a_resident_are_both_audited()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement, "Frieda Fallmanagerin");
        var client = await app.SignedInClientAsync(user);

        var id = await client.CreateResidentAsync();
        await client.GetAsync($"{CaseWorkApi.Residents}/{id}");

        var entries = await app.QueryAsync(db => db.AuditEntries.Where(e => e.ResidentId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Read], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(user.Id, e.UserId));
    }

    [Fact]
    public async Task The_list_finds_residents_by_part_of_the_name_within_a_quartier_and_pages()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var quartier = await app.NewQuartierAsync();
        await client.CreateResidentAsync("Hannelore", "Müllerschön", quartier);
        await client.CreateResidentAsync("Werner", "Schönmüller", quartier);
        await client.CreateResidentAsync("Gerda", "Krause", quartier);
        await client.CreateResidentAsync("Paul", "Müllerschön", "Hartha");

        var found = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=MÜLLER&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);
        var all = await (await client.GetAsync($"{CaseWorkApi.Residents}?quartier={quartier}&page=1")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Müllerschön", "Schönmüller"], found.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(3, all.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task The_list_finds_a_resident_from_the_start_of_the_name_and_from_a_misspelt_name()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var quartier = await app.NewQuartierAsync();
        await client.CreateResidentAsync("Erika", "Schmidt", quartier);
        await client.CreateResidentAsync("Gerda", "Krause", quartier);

        var start = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=schmi&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);
        var typo = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=Schmitt&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);
        var typoWithFirstName = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=erika%20schmitt&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);
        var other = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=Schulze&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Schmidt"], start.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(["Schmidt"], typo.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(["Schmidt"], typoWithFirstName.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(0, other.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_resident_with_the_same_name_and_birth_date_or_at_the_same_address_is_offered_before_a_second_is_created()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        await client.CreateResidentAsync("Gertrud", "Doppelmann");
        var again = CaseWorkApi.ResidentBody("Gertrud", "Doppelmann");
        again["createDespiteDuplicates"] = false;
        var sameAddress = CaseWorkApi.ResidentBody("Gertrud", "Doppelman");
        sameAddress["createDespiteDuplicates"] = false;
        sameAddress["dateOfBirth"] = "1950-01-01";
        sameAddress["street"] = "Bahnhofstr.";
        var other = CaseWorkApi.ResidentBody("Gertrud", "Einzelmann");
        other["createDespiteDuplicates"] = false;
        other["street"] = "Am Anger";
        var before = await app.CountResidentsAsync();

        var refused = await (await client.PostAsJsonAsync(CaseWorkApi.Residents, again)).ProblemAsync(HttpStatusCode.BadRequest);
        var nearby = await (await client.PostAsJsonAsync(CaseWorkApi.Residents, sameAddress)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Gertrud Doppelmann, geboren am 14.05.1941, Bahnhofstraße 12 (2. OG links), 04720 Döbeln", string.Join(" ", refused.FieldMessages("createDespiteDuplicates")));
        Assert.Contains("Gertrud Doppelmann", string.Join(" ", nearby.FieldMessages("createDespiteDuplicates")));
        Assert.Equal(before, await app.CountResidentsAsync());
        again["createDespiteDuplicates"] = true;
        await (await client.PostAsJsonAsync(CaseWorkApi.Residents, again)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync(CaseWorkApi.Residents, other)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_list_finds_residents_by_address_and_by_case_number()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var quartier = await app.NewQuartierAsync();
        var body = CaseWorkApi.ResidentBody("Agnes", "Adressfeld", quartier);
        body["street"] = "Zwingerweg";
        body["houseNumber"] = "7";
        var agnes = await (await client.PostAsJsonAsync(CaseWorkApi.Residents, body)).JsonAsync(HttpStatusCode.Created);
        var agnesId = agnes.GetProperty("id").GetGuid();
        await client.CreateResidentAsync("Bodo", "Anderswo", quartier);
        await client.GiveStoreDataConsentAsync(agnesId);
        var (_, number) = await client.OpenCaseAsync(agnesId);

        var byStreet = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=zwingerw 7")).JsonAsync(HttpStatusCode.OK);
        var byNameAndStreet = await (await client.GetAsync($"{CaseWorkApi.Residents}?q=agnes zwinger&quartier={quartier}")).JsonAsync(HttpStatusCode.OK);
        var byNumber = await (await client.GetAsync($"{CaseWorkApi.Residents}?q={number.ToLowerInvariant()}")).JsonAsync(HttpStatusCode.OK);
        var page = await (await client.GetAsync($"/CaseManagement/Bewohner?q={number}")).HtmlAsync();

        Assert.Equal(["Adressfeld"], byStreet.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(["Adressfeld"], byNameAndStreet.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal([agnesId], byNumber.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Contains("Adressfeld, Agnes", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_pages_continue_where_the_first_ended()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var quartier = await app.NewQuartierAsync();
        for (var i = 0; i < 22; i++)
        {
            await client.CreateResidentAsync($"Person{i:00}", $"Seitenweise{i:00}", quartier);
        }

        var second = await (await client.GetAsync($"{CaseWorkApi.Residents}?quartier={quartier}&page=2")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["Seitenweise20", "Seitenweise21"], second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("lastName").GetString()));
        Assert.Equal(22, second.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Editing_changes_the_resident_and_adds_edits_and_removes_relatives()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var id = await client.CreateResidentAsync();
        var before = await (await client.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK);
        var daughter = before.GetProperty("relatives")[0].GetProperty("id").GetGuid();
        var body = CaseWorkApi.ResidentBody();
        body["careLevel"] = "Pflegegrad3";
        body["flat"] = null;
        body["relatives"] = new object[]
        {
            new { id = daughter, name = "Anna Berger", role = "Tochter", phone = "0171 7654321", mayBeContacted = false },
            new { name = "Kurt Nachbar", role = "Nachbar", mayBeContacted = true },
        };
        body["version"] = before.GetProperty("version").GetUInt32();

        var saved = await client.PutAsJsonAsync($"{CaseWorkApi.Residents}/{id}", body);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var after = await (await client.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Pflegegrad3", after.GetProperty("careLevel").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("flat").ValueKind);
        var relatives = after.GetProperty("relatives").EnumerateArray().ToList();
        Assert.Equal(["Anna Berger", "Kurt Nachbar"], relatives.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(daughter, relatives[0].GetProperty("id").GetGuid());

        body["relatives"] = Array.Empty<object>();
        body["version"] = after.GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"{CaseWorkApi.Residents}/{id}", body)).StatusCode);
        Assert.Empty((await (await client.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("relatives").EnumerateArray());
    }

    [Fact]
    public async Task When_two_people_edit_the_same_resident_the_second_save_gets_409_and_nothing_is_overwritten()
    {
        var first = await app.SignedInClientAsync(Roles.Fallmanagement);
        var second = await app.SignedInClientAsync(Roles.Fallmanagement);
        var id = await first.CreateResidentAsync();
        var loaded = await (await first.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK);
        var version = loaded.GetProperty("version").GetUInt32();

        var firstEdit = CaseWorkApi.ResidentBody();
        firstEdit["phone"] = "03431 99999";
        firstEdit["version"] = version;
        var secondEdit = CaseWorkApi.ResidentBody();
        secondEdit["phone"] = "03431 00000";
        secondEdit["relatives"] = Array.Empty<object>();
        secondEdit["version"] = version;

        Assert.Equal(HttpStatusCode.NoContent, (await first.PutAsJsonAsync($"{CaseWorkApi.Residents}/{id}", firstEdit)).StatusCode);
        var conflict = await (await second.PutAsJsonAsync($"{CaseWorkApi.Residents}/{id}", secondEdit)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Jemand anderes hat diesen Eintrag inzwischen geändert", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await (await first.GetAsync($"{CaseWorkApi.Residents}/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("03431 99999", stored.GetProperty("phone").GetString());
        Assert.Single(stored.GetProperty("relatives").EnumerateArray());
    }

    [Fact]
    public async Task An_edit_without_version_is_refused()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var id = await client.CreateResidentAsync();

        var problem = await (await client.PutAsJsonAsync($"{CaseWorkApi.Residents}/{id}", CaseWorkApi.ResidentBody())).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Bearbeitungsstand", problem.FieldMessages("version")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("firstName", null, "firstName", "Bitte geben Sie den Vornamen ein.")]
    [InlineData("lastName", "   ", "lastName", "Bitte geben Sie den Nachnamen ein.")]
    [InlineData("street", null, "street", "Bitte geben Sie die Straße ein.")]
    [InlineData("dateOfBirth", null, "dateOfBirth", "Bitte geben Sie das Geburtsdatum ein.")]
    [InlineData("dateOfBirth", "2026-03-03", "dateOfBirth", "Das Geburtsdatum darf nicht in der Zukunft liegen.")]
    [InlineData("dateOfBirth", "1899-12-31", "dateOfBirth", "Das Geburtsdatum ist nicht plausibel (vor 1900).")]
    [InlineData("dateOfBirth", "14.05.1941", "dateOfBirth", "Der Wert hat ein ungültiges Format oder ist nicht erlaubt.")]
    [InlineData("postalCode", "0472", "postalCode", "Die Postleitzahl hat genau fünf Ziffern.")]
    [InlineData("careLevel", "Pflegegrad9", "careLevel", "Der Wert hat ein ungültiges Format oder ist nicht erlaubt.")]
    [InlineData("careLevel", null, "careLevel", "Bitte wählen Sie den Pflegegrad (oder „kein Pflegegrad“).")]
    [InlineData("quartier", "LONG", "quartier", "Höchstens 100 Zeichen erlaubt.")]
    [InlineData("flat", "LONG", "flat", "Höchstens 50 Zeichen erlaubt.")]
    public async Task Bad_input_is_refused_with_a_German_field_message_and_nothing_is_stored(string field, string? value, string errorField, string message)
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var body = CaseWorkApi.ResidentBody();
        body[field] = value == "LONG" ? new string('x', 300) : value;
        var before = await app.CountResidentsAsync();

        var problem = await (await client.PostAsJsonAsync(CaseWorkApi.Residents, body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.FieldMessages(errorField));
        Assert.Equal(before, await app.CountResidentsAsync());
    }

    [Fact]
    public async Task A_relative_without_name_is_refused_with_the_message_at_that_relative()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var body = CaseWorkApi.ResidentBody();
        body["relatives"] = new object[] { new { name = "Anna", role = "Tochter" }, new { name = "", role = "Sohn" } };

        var problem = await (await client.PostAsJsonAsync(CaseWorkApi.Residents, body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Bitte geben Sie den Namen ein."], problem.FieldMessages("relatives[1].name"));
    }

    [Fact]
    public async Task A_malformed_id_in_the_address_finds_nothing_and_an_unknown_one_is_404()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{CaseWorkApi.Residents}/keine-id")).StatusCode);
        await (await client.GetAsync($"{CaseWorkApi.Residents}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_page_number_is_a_400_naming_the_field()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var problem = await (await client.GetAsync($"{CaseWorkApi.Residents}?page=zwei")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldMessages("page"));
    }

    [Theory]
    [InlineData(Roles.Ehrenamt)]
    [InlineData(Roles.Finanzen)]
    public async Task Volunteers_and_finance_cannot_reach_residents(string role)
    {
        var client = await app.SignedInClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(CaseWorkApi.Residents)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(CaseWorkApi.Residents, CaseWorkApi.ResidentBody())).StatusCode);
    }
}
