using System.Net.Http.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Shell;

/// <summary>A Host behind a TLS proxy on the same machine (loopback, the default known proxy), served by Kestrel.</summary>
public sealed class BehindProxyApp : BrowserApp
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["ForwardedHeaders:Enabled"] = "true";
        base.Configure(settings);
    }
}

public sealed class ProxyTests(BehindProxyApp app) : IClassFixture<BehindProxyApp>
{
    [Fact]
    public async Task Behind_a_TLS_proxy_the_sign_in_cookie_is_secure_and_plain_http_without_the_proxy_header_is_not()
    {
        var user = await app.CreateUserAsync(Roles.Fallmanagement);
        using var client = app.CreateClient(handleCookies: false);

        using var viaProxy = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = user.Email, password = TestUser.Password }),
        };
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await client.SendAsync(viaProxy);
        var direct = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password });

        Assert.Contains(AuthCookie(secure), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(AuthCookie(direct), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> AuthCookie(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"Sign-in failed: {(int)response.StatusCode}");
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Where(v => v.StartsWith("qp.auth", StringComparison.Ordinal)).ToList() : [];
        Assert.NotEmpty(cookies);
        return cookies;
    }
}
