using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.Host.Identity;

namespace QuartierPflege.Testing;

public sealed record TestUser(Guid Id, string Email, string DisplayName, string Role)
{
    public const string Password = "Ein-sicheres-Testpasswort";
}

/// <summary>Acting as a signed-in person of a role: through the real sign-in endpoint, with the real cookie.</summary>
public static class TestUsers
{
    public static async Task<TestUser> CreateUserAsync(this QpApp app, string role, string? displayName = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.quartierpflege.de";
        var name = displayName ?? $"Test {role}";
        return await app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Ensure(await users.CreateAsync(user, TestUser.Password));
            Ensure(await users.AddToRoleAsync(user, role));
            return new TestUser(user.Id, email, name, role);
        });
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects (so tests can see them). It talks to wherever the app
    /// serves: the in-memory test server, or the Kestrel port of a <see cref="BrowserApp"/>.
    /// </summary>
    public static HttpClient CreateBrowserLikeClient(this QpApp app) => app.CreateClient();

    public static async Task<HttpClient> SignedInClientAsync(this QpApp app, string role)
        => await app.SignedInClientAsync(await app.CreateUserAsync(role));

    public static async Task<HttpClient> SignedInClientAsync(this QpApp app, TestUser user)
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {user.Email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Gives an account made without password (e.g. a confirmed volunteer's) the test password.</summary>
    public static Task SetPasswordAsync(this QpApp app, Guid userId) => app.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No account {userId}.");
        Ensure(await users.AddPasswordAsync(user, TestUser.Password));
    });

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
