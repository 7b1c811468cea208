using System.Net;
using System.Text.RegularExpressions;
using QuartierPflege.BuildingBlocks.Jobs;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

/// <summary>Hangfire's own dashboard: coordination only, for its pages, its JSON and its POST routes alike.</summary>
public sealed partial class JobsDashboardTests(QpApp app) : IClassFixture<QpApp>
{
    private static readonly string[] Pages = [JobsDashboard.Path, JobsDashboard.Path + "/recurring", JobsDashboard.Path + "/jobs/failed"];

    private static readonly string[] Posts = [JobsDashboard.Path + "/stats", JobsDashboard.Path + "/recurring/trigger"];

    [Fact]
    public async Task The_dashboard_answers_401_to_anonymous_callers_on_every_route()
    {
        var anonymous = app.CreateBrowserLikeClient();

        foreach (var page in Pages)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(page)).StatusCode);
        }

        foreach (var post in Posts)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(post, Form(("jobs[]", "probe")))).StatusCode);
        }
    }

    [Fact]
    public async Task The_dashboard_answers_403_to_other_roles_on_every_route()
    {
        foreach (var role in new[] { Roles.Fallmanagement, Roles.Finanzen, Roles.Ehrenamt })
        {
            var client = await app.SignedInClientAsync(role);
            foreach (var page in Pages)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(page)).StatusCode);
            }

            foreach (var post in Posts)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(post, Form(("jobs[]", "probe")))).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Coordination_sees_the_dashboard_and_its_live_statistics_without_the_connection_string()
    {
        var admin = await app.SignedInClientAsync(Roles.Koordination);

        var response = await admin.GetAsync(JobsDashboard.Path + "/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("case-management.send-follow-up-reminders", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Password", page, StringComparison.OrdinalIgnoreCase);

        // The dashboard's script polls its statistics by POST with the antiforgery token of the page.
        var stats = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, JobsDashboard.Path + "/stats")
        {
            Content = Form(("metrics[]", "servers:count"), ("__RequestVerificationToken", CsrfToken(page))),
        });
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Contains("servers:count", await stats.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string CsrfToken(string page)
        => CsrfMeta().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The dashboard page has no csrf-token.");

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
