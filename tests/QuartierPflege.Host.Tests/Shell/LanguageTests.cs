using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Shell;

public sealed class LanguageTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task The_UI_is_German_only_without_a_language_switch_and_ignores_an_old_language_cookie()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var html = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("Zum Inhalt springen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("English", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/Sprache")).StatusCode);
    }
}
