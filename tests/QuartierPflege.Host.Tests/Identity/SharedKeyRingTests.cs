using System.Net;
using System.Net.Http.Json;
using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Identity;

/// <summary>Scale-out: behind a load balancer the next request may reach another Host process.</summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private string _database = string.Empty;

    public async Task InitializeAsync() => _database = await TestDatabases.CreateAsync();

    public Task DisposeAsync() => TestDatabases.DropAsync(_database);

    [Fact]
    public async Task A_cookie_issued_by_one_Host_is_accepted_by_another_on_the_same_database()
    {
        await using var first = new HostOnDatabase(_database);
        await using var second = new HostOnDatabase(_database);
        var user = await first.CreateUserAsync(Roles.Fallmanagement, "Lena Zweithost");

        var login = await first.CreateClient(handleCookies: false).PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("qp.auth=", StringComparison.Ordinal)).Split(';')[0];
        var elsewhere = second.CreateClient(handleCookies: false);
        elsewhere.DefaultRequestHeaders.Add("Cookie", cookie);
        var me = await elsewhere.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains("Lena Zweithost", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The key ring lives in the shared database, not in a folder of one machine.
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM identity.data_protection_keys", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1, "no data-protection key in the database");
    }

    private sealed class HostOnDatabase(string connectionString) : QpApp(connectionString);
}
