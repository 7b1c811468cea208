using System.Net;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Shell;

public sealed class ErrorPageTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task An_unknown_page_shows_the_German_not_found_page()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);

        var response = await client.GetAsync("/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Seite nicht gefunden", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_error_page_is_German_and_shows_no_internals()
    {
        var client = app.CreateBrowserLikeClient();

        var response = await client.GetAsync("/Fehler/500");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Ein Fehler ist aufgetreten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
