using System.Net;

namespace QuartierPflege.Quartiere.Tests.Quartiersarbeit;

internal static class Pages
{
    /// <summary>A page outside one's role sends to the German "Kein Zugriff" page (403).</summary>
    public static async Task AssertNoAccessAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }
}
