using System.Text.RegularExpressions;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Shell;

public sealed partial class NavigationTests(QpApp app) : IClassFixture<QpApp>
{
    [Theory]
    [InlineData(Roles.Koordination, new[] { "Übersicht", "Fälle", "Hinweis melden", "Ehrenamt", "Auszahlungen", "Netzwerkpartner", "Quartiersarbeit", "Datenschutz", "Verwaltung" })]
    [InlineData(Roles.Fallmanagement, new[] { "Übersicht", "Fälle", "Hinweis melden", "Netzwerkpartner", "Quartiersarbeit" })]
    [InlineData(Roles.Finanzen, new[] { "Übersicht", "Hinweis melden", "Auszahlungen" })]
    [InlineData(Roles.Ehrenamt, new[] { "Übersicht", "Hinweis melden", "Ehrenamt", "Quartiersarbeit" })]
    public async Task Each_role_sees_its_own_navigation(string role, string[] expected)
    {
        var client = await app.SignedInClientAsync(role);

        var html = await client.GetStringAsync("/");

        Assert.Equal(expected, NavigationItems(html));
    }

    [Theory]
    [InlineData(Roles.Ehrenamt, "/CaseManagement")]
    [InlineData(Roles.Ehrenamt, "/Verwaltung/Benutzer")]
    [InlineData(Roles.Finanzen, "/CaseManagement")]
    [InlineData(Roles.Fallmanagement, "/Compensation")]
    public async Task A_page_outside_the_role_shows_the_German_no_access_page(string role, string path)
    {
        var client = await app.SignedInClientAsync(role);

        var response = await client.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Kein Zugriff", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_layout_has_a_skip_link_and_landmarks()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a class=\"skip-link\" href=\"#inhalt\">Zum Inhalt springen</a>", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"main-nav\" aria-label=\"Hauptnavigation\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"inhalt\"", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    private static string[] NavigationItems(string html)
    {
        var nav = NavBlock().Match(html);
        Assert.True(nav.Success, "no main navigation on the page");
        return [.. NavLink().Matches(nav.Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<nav class=\"main-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavBlock();

    [GeneratedRegex("<a href=\"[^\"]*\"[^>]*>([^<]+)</a>")]
    private static partial Regex NavLink();
}
