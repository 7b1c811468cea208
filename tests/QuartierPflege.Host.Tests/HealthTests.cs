using System.Net;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests;

public sealed class HealthTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task Ready_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Live_answers_200_without_sign_in()
    {
        var response = await app.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
