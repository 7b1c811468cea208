using System.Net;
using System.Net.Http.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Identity;

public sealed class SignInTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task The_start_page_without_sign_in_leads_to_the_German_sign_in_page()
    {
        var client = app.CreateBrowserLikeClient();

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/Anmelden", start.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var page = await client.GetStringAsync(start.Headers.Location);
        Assert.Contains("<html lang=\"de\">", page, StringComparison.Ordinal);
        Assert.Contains("Bitte melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Input_Email\">E-Mail-Adresse</label>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_through_the_form_returns_to_the_requested_page()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement, "Jana Fröhlich");
        var client = app.CreateBrowserLikeClient();

        var response = await client.SubmitFormAsync("/Anmelden?ReturnUrl=%2FCaseManagement",
            ("Input.Email", user.Email), ("Input.Password", TestUser.Password), ("ReturnUrl", "/CaseManagement"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/CaseManagement", response.Headers.Location!.OriginalString);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Guten Tag, Jana Fröhlich", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var user = await app.CreateUserAsync(Roles.Ehrenamt);
        var client = app.CreateBrowserLikeClient();

        var response = await client.SubmitFormAsync("/Anmelden",
            ("Input.Email", user.Email), ("Input.Password", TestUser.Password), ("ReturnUrl", "https://example.org/phish"));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_German_message_on_the_page()
    {
        var user = await app.CreateUserAsync(Roles.Finanzen);
        var client = app.CreateBrowserLikeClient();

        var response = await client.SubmitFormAsync("/Anmelden", ("Input.Email", user.Email), ("Input.Password", "falsch-falsch-falsch"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_on_the_sign_in_page_get_inline_messages()
    {
        var client = app.CreateBrowserLikeClient();

        var response = await client.SubmitFormAsync("/Anmelden", ("Input.Email", ""), ("Input.Password", ""));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bitte geben Sie Ihre E-Mail-Adresse ein.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte geben Sie Ihr Passwort ein.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_password_is_then_refused()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement);
        var client = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"falsch-{attempt}-xxxxx" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password });
        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("vorübergehend gesperrt", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var page = await client.SubmitFormAsync("/Anmelden", ("Input.Email", user.Email), ("Input.Password", TestUser.Password));
        Assert.Contains("vorübergehend gesperrt", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lockout_ends_after_fifteen_minutes()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement);
        var client = app.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "leider-falsch-123" });
        }

        app.Clock.Advance(NodaTime.Duration.FromMinutes(16));
        try
        {
            var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password });
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }
        finally
        {
            app.Clock.Advance(NodaTime.Duration.FromMinutes(-16));
        }
    }

    [Fact]
    public async Task Api_sign_in_sets_the_cookie_that_later_calls_use()
    {
        var user = await app.CreateUserAsync(Roles.Ehrenamt, "Gerd Neumann");
        var client = await app.SignedInClientAsync(user);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        Assert.Equal("Gerd Neumann", me!.DisplayName);
        Assert.Equal([Roles.Ehrenamt], me.Roles);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInClientAsync(Roles.Finanzen);

        var signOut = await client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_through_the_page_returns_to_the_sign_in_page()
    {
        var client = await app.SignedInClientAsync(Roles.Finanzen);

        var response = await client.SubmitFormAsync("/", [], postUrl: "/Abmelden");

        Assert.Equal("/Anmelden", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    private sealed record MeResponse(string DisplayName, string[] Roles);
}
