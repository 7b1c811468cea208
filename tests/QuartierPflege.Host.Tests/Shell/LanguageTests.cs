using QuartierPflege.BuildingBlocks.Security;
using QuartierPflege.Testing;

namespace QuartierPflege.Host.Tests.Shell;

public sealed class LanguageTests(QpApp app) : IClassFixture<QpApp>
{
    [Fact]
    public async Task German_is_the_default_and_English_can_be_chosen()
    {
        var client = await app.SignedInClientAsync(Roles.Fallmanagement);
        Assert.Contains("Zum Inhalt springen", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var switched = await client.SubmitFormAsync("/", [new("culture", "en"), new("returnUrl", "/")], postUrl: "/Sprache");

        Assert.Equal("/", switched.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Skip to content", html, StringComparison.Ordinal);
        Assert.Contains(">Cases</a>", html, StringComparison.Ordinal);
    }
}
