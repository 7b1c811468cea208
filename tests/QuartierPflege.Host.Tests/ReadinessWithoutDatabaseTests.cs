using System.Net;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests;

public sealed class ReadinessWithoutDatabaseTests
{
    /// <summary>
    /// Wolverine does not start without its database, so the Host starts on a real one, which then goes away underneath
    /// it (dropped, its connections cut): from then on every connection attempt fails, as with an unreachable server.
    /// </summary>
    [Fact]
    public async Task Ready_answers_503_when_the_database_is_unreachable()
    {
        var database = await TestDatabases.CreateAsync();
        await using var app = QpApp.OnDatabase(database);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await TestDatabases.DropAsync(database);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
