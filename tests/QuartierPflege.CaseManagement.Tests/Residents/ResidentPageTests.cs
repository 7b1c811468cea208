using System.Net;
using Marten;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.CaseManagement.Tests.Support;
using QuartierPflege.Testing;

namespace QuartierPflege.CaseManagement.Tests.Residents;

public sealed class ResidentPageTests(QpApp app) : IClassFixture<QpApp>
{
    private static (string, string)[] Fields(string lastName, string dateOfBirth = "1938-11-02", string careLevel = "Pflegegrad1") =>
    [
        ("Input.FirstName", "Ilse"),
        ("Input.LastName", lastName),
        ("Input.DateOfBirth", dateOfBirth),
        ("Input.CareLevel", careLevel),
        ("Input.Languages", "Deutsch, Polnisch"),
        ("Input.Street", "Lindenstraße"),
        ("Input.HouseNumber", "3a"),
        ("Input.Flat", ""),
        ("Input.PostalCode", "08289"),
        ("Input.City", "Schneeberg"),
        ("Input.Quartier", "Großweitzschen"),
        ("Input.Phone", ""),
        ("Input.TenancyNumber", ""),
        ("Input.Relatives[0].Name", "Heinz Seidel"),
        ("Input.Relatives[0].Role", "Sohn"),
        ("Input.Relatives[0].Phone", "0172 111"),
        ("Input.Relatives[0].MayBeContacted", "true"),
        ("Input.Relatives[1].Name", ""),
        ("Input.Relatives[1].Role", ""),
        ("Input.Relatives[1].Phone", ""),
    ];

    [Fact]
    public async Task Creating_a_resident_on_the_page_leads_to_the_file()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var response = await client.SubmitFormAsync("/CaseManagement/Bewohner/Neu", Fields("Seidel"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = await (await client.GetAsync(response.Headers.Location)).HtmlAsync();
        Assert.Contains("<h1>Ilse Seidel</h1>", file, StringComparison.Ordinal);
        Assert.Contains("Heinz Seidel", file, StringComparison.Ordinal);
        Assert.Contains("Pflegegrad 1", file, StringComparison.Ordinal);
        Assert.Contains("Deutsch, Polnisch", file, StringComparison.Ordinal);
        var list = await (await client.GetAsync("/CaseManagement/Bewohner?q=seid")).HtmlAsync();
        Assert.Contains("Seidel, Ilse", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_the_page_shows_German_messages_at_the_fields_and_stores_nothing()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var fields = Fields("", dateOfBirth: "2030-01-01", careLevel: "Pflegegrad9")
            .Select(f => f.Item1 == "Input.Relatives[1].Phone" ? (f.Item1, "0341 22") : f)
            .ToArray();
        var before = await app.CountResidentsAsync();

        var html = await (await client.SubmitFormAsync("/CaseManagement/Bewohner/Neu", fields)).HtmlAsync();

        var errors = Pages.FieldErrors(html);
        Assert.Contains("Bitte geben Sie den Nachnamen ein.", errors);
        Assert.Contains("Das Geburtsdatum darf nicht in der Zukunft liegen.", errors);
        Assert.Contains("Bitte wählen Sie einen Pflegegrad aus der Liste.", errors);
        Assert.Contains("Bitte geben Sie den Namen ein.", errors);
        Assert.Contains("value=\"Ilse\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.CountResidentsAsync());
    }

    [Fact]
    public async Task A_date_typed_the_German_way_is_understood_and_a_wrong_one_is_named()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var wrong = await (await client.SubmitFormAsync("/CaseManagement/Bewohner/Neu", Fields("Datum", dateOfBirth: "31.02.1940"))).HtmlAsync();
        var right = await client.SubmitFormAsync("/CaseManagement/Bewohner/Neu", Fields("Datum", dateOfBirth: "2.11.1938"));

        Assert.Contains("Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ).", Pages.FieldErrors(wrong));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task When_two_people_save_the_edit_page_the_second_sees_the_conflict_and_nothing_is_overwritten()
    {
        var first = await app.SignedInClientAsync(Roles.Fallmanagement);
        var second = await app.SignedInClientAsync(Roles.Koordination);
        var id = await first.CreateResidentAsync(lastName: "Zweimal");
        var url = $"/CaseManagement/Bewohner/{id}/Bearbeiten";
        var version = await app.QueryAsync(async db => (await db.Session.LoadAsync<global::QuartierPflege.CaseManagement.Domain.Resident>(id))!.Version);
        (string, string)[] Edit(string phone) =>
        [
            .. Fields("Zweimal").Where(f => f.Item1 != "Input.Phone"),
            ("Input.Phone", phone),
            ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        var saved = await first.SubmitFormAsync(url, Edit("03431 111111"));
        var refused = await (await second.SubmitFormAsync(url, Edit("03431 222222"))).HtmlAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Jemand anderes hat diesen Eintrag inzwischen geändert.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"03431 222222\"", refused, StringComparison.Ordinal);
        Assert.Equal("03431 111111", await app.QueryAsync(async db => (await db.Session.LoadAsync<global::QuartierPflege.CaseManagement.Domain.Resident>(id))!.Phone));
    }

    [Fact]
    public async Task The_edit_page_removes_a_ticked_relative()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        var id = await client.CreateResidentAsync(lastName: "Entfernt");
        var (relativeId, version) = await app.QueryAsync(async db =>
        {
            var resident = (await db.Session.LoadAsync<global::QuartierPflege.CaseManagement.Domain.Resident>(id))!;
            return (resident.Relatives[0].Id, resident.Version);
        });
        var fields = Fields("Entfernt")
            .Where(f => !f.Item1.StartsWith("Input.Relatives", StringComparison.Ordinal))
            .Concat([
                ("Input.Relatives[0].Id", relativeId.ToString()),
                ("Input.Relatives[0].Name", "Anna Musterfrau"),
                ("Input.Relatives[0].Role", "Tochter"),
                ("Input.Relatives[0].Remove", "true"),
                ("Input.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ])
            .ToArray();

        var response = await client.SubmitFormAsync($"/CaseManagement/Bewohner/{id}/Bearbeiten", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await app.QueryAsync(async db => (await db.Session.LoadAsync<global::QuartierPflege.CaseManagement.Domain.Resident>(id))!.Relatives));
    }

    [Fact]
    public async Task A_volunteer_cannot_open_the_resident_pages()
    {
        var client = await app.SignedInClientAsync(Roles.Ehrenamt);

        var response = await client.GetAsync("/CaseManagement/Bewohner");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Fehler/403", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
