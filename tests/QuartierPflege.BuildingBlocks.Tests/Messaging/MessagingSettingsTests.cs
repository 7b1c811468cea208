using Microsoft.Extensions.Configuration;
using QuartierPflege.BuildingBlocks.Bus;

namespace QuartierPflege.BuildingBlocks.Tests.Messaging;

public sealed class MessagingSettingsTests
{
    [Fact]
    public void Configured_retry_cooldowns_replace_the_defaults_instead_of_following_them()
    {
        var settings = Bind(new()
        {
            ["Messaging:RetryCooldowns:0"] = "00:00:02",
            ["Messaging:RetryCooldowns:1"] = "00:00:20",
        });

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)], settings.EffectiveRetryCooldowns);
    }

    [Fact]
    public void Without_configuration_a_failing_handler_is_retried_after_1_5_and_30_seconds()
        => Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)], Bind([]).EffectiveRetryCooldowns);

    private static MessagingSettings Bind(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(MessagingSettings.Section).Get<MessagingSettings>()
            ?? new MessagingSettings();
}
