using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Identity;

public sealed class UserAdministrationTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task Coordination_creates_an_account_in_the_UI_and_the_new_person_can_sign_in()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var email = $"neu-{Guid.NewGuid():N}@test.quartierpflege.de";

        var created = await admin.SubmitFormAsync("/Verwaltung/Benutzer/Neu", [
            new("Input.Email", email), new("Input.DisplayName", "Ilse Wagner"),
            new("Input.Password", "Mein Garten blüht im Mai"), new("Input.Roles", Roles.Ehrenamt)]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetStringAsync("/Verwaltung/Benutzer");
        Assert.Contains("Das Konto für Ilse Wagner ist angelegt.", list, StringComparison.Ordinal);
        Assert.Contains(email, list, StringComparison.Ordinal);

        var login = await app.CreateBrowserLikeClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Mein Garten blüht im Mai" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task A_too_short_password_is_shown_inline_and_no_account_is_created()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var email = $"kurz-{Guid.NewGuid():N}@test.quartierpflege.de";

        var response = await admin.SubmitFormAsync("/Verwaltung/Benutzer/Neu", [
            new("Input.Email", email), new("Input.DisplayName", "Kurt Kurz"),
            new("Input.Password", "kurz"), new("Input.Roles", Roles.Finanzen)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Das Passwort muss mindestens 10 Zeichen lang sein.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var users = await admin.GetStringAsync("/api/admin/users");
        Assert.DoesNotContain(email, users, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coordination_deactivates_an_account_and_it_can_no_longer_sign_in()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var person = await app.CreateUserAsync(Roles.Fallmanagement, "Paul Seidel");
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}");

        var change = await admin.PutAsJsonAsync($"/api/admin/users/{person.Id}", new
        {
            displayName = "Paul Seidel",
            roles = new[] { Roles.Fallmanagement },
            active = false,
            concurrencyStamp = current.GetProperty("concurrencyStamp").GetString(),
        });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        var login = await app.CreateBrowserLikeClient().PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = TestUser.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_open_session_within_a_minute()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var person = await app.CreateUserAsync(Roles.Fallmanagement, "Sven Sitzung");
        var session = await app.SignedInClientAsync(person);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/auth/me")).StatusCode);
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}");

        var change = await admin.PutAsJsonAsync($"/api/admin/users/{person.Id}", new
        {
            displayName = "Sven Sitzung",
            roles = new[] { Roles.Fallmanagement },
            active = false,
            concurrencyStamp = current.GetProperty("concurrencyStamp").GetString(),
        });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        app.Clock.Advance(NodaTime.Duration.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/case-management/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_second_edit_with_an_old_state_is_refused_with_409_and_changes_nothing()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var person = await app.CreateUserAsync(Roles.Ehrenamt, "Rosa Krause");
        var stamp = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}")).GetProperty("concurrencyStamp").GetString();

        var first = await admin.PutAsJsonAsync($"/api/admin/users/{person.Id}",
            new { displayName = "Rosa Krause-Berger", roles = new[] { Roles.Ehrenamt }, active = true, concurrencyStamp = stamp });
        var second = await admin.PutAsJsonAsync($"/api/admin/users/{person.Id}",
            new { displayName = "Rosa K.", roles = new[] { Roles.Finanzen }, active = true, concurrencyStamp = stamp });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("inzwischen geändert", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}");
        Assert.Equal("Rosa Krause-Berger", stored.GetProperty("displayName").GetString());
        Assert.Equal(Roles.Ehrenamt, stored.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Coordination_cannot_take_away_its_own_coordination_role()
    {
        var me = await app.CreateUserAsync(Roles.Koordination, "Katrin Selbst");
        var admin = await app.SignedInClientAsync(me);
        var stamp = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{me.Id}")).GetProperty("concurrencyStamp").GetString();

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{me.Id}",
            new { displayName = "Katrin Selbst", roles = new[] { Roles.Finanzen }, active = true, concurrencyStamp = stamp });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldMessages("roles"));
    }

    [Fact]
    public async Task Editing_an_unknown_account_is_404()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}",
            new { displayName = "Niemand", roles = new[] { Roles.Finanzen }, active = true, concurrencyStamp = "x" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reactivating_lifts_a_lockout_after_failed_sign_ins()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);
        var person = await app.CreateUserAsync(Roles.Ehrenamt, "Heinz Vergesslich");
        var anonymous = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = "nicht-das-richtige" });
        }

        var edit = await admin.GetStringAsync($"/Verwaltung/Benutzer/Bearbeiten/{person.Id}");
        Assert.Contains("Nach zu vielen Fehlversuchen gesperrt bis", edit, StringComparison.Ordinal);
        var stamp = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}")).GetProperty("concurrencyStamp").GetString()!;
        var saved = await admin.SubmitFormAsync($"/Verwaltung/Benutzer/Bearbeiten/{person.Id}", [
            new("Input.DisplayName", "Heinz Vergesslich"), new("Input.Roles", Roles.Ehrenamt),
            new("Input.Active", "true"), new("Input.Active", "false"), new("Input.ConcurrencyStamp", stamp)]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = TestUser.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
