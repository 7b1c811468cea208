using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Jobs;

namespace QuartierPflege.BuildingBlocks.Tests.Jobs;

public sealed class ScheduledCommandRegistrationTests
{
    [Theory]
    [InlineData("jeden Morgen")]
    [InlineData("0 0 7 * * ?")]
    [InlineData("61 7 * * *")]
    public void A_schedule_that_is_not_a_5_field_cron_expression_is_refused_at_registration(string cron)
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddScheduledCommand("test.wrong", cron, "Falsch", _ => new object()));

        Assert.Contains(cron, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_job_key_registered_twice_is_refused()
    {
        var services = new ServiceCollection();
        services.AddScheduledCommand("test.twice", "0 7 * * *", "Einmal", _ => new object());
        services.AddScheduledCommand("test.twice", "0 8 * * *", "Zweimal", _ => new object());

        using var provider = services.AddSingleton<ScheduledJobCatalog>().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ScheduledJobCatalog>());
        Assert.Contains("test.twice", error.Message, StringComparison.Ordinal);
    }
}
