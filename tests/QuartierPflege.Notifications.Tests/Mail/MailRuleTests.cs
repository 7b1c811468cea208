using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using QuartierPflege.Notifications.Mail;

namespace QuartierPflege.Notifications.Tests.Mail;

public sealed class MailRuleTests
{
    [Fact]
    public void The_mail_made_from_one_event_always_has_the_same_id()
    {
        var eventId = Guid.NewGuid();

        Assert.Equal(MailIds.For(SampleMails.FollowUpsDueTemplate, eventId), MailIds.For(SampleMails.FollowUpsDueTemplate, eventId));
        Assert.NotEqual(MailIds.For(SampleMails.FollowUpsDueTemplate, eventId), MailIds.For(SampleMails.PayoutApprovedTemplate, eventId));
        Assert.NotEqual(MailIds.For(SampleMails.FollowUpsDueTemplate, eventId), MailIds.For(SampleMails.FollowUpsDueTemplate, Guid.NewGuid()));
        Assert.Equal(8, MailIds.For(SampleMails.FollowUpsDueTemplate, eventId).Version);
    }

    [Theory]
    [InlineData(SmtpStatusCode.MailboxUnavailable, true)]
    [InlineData(SmtpStatusCode.TransactionFailed, true)]
    [InlineData(SmtpStatusCode.MailboxBusy, false)]
    [InlineData(SmtpStatusCode.InsufficientStorage, false)]
    public void Only_a_5xx_answer_is_a_permanent_refusal(SmtpStatusCode status, bool permanent)
        => Assert.Equal(permanent, MailFailurePolicy.IsPermanent(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, "refused")));

    [Theory]
    [InlineData("StartTls", null, 587)]
    [InlineData("SslOnConnect", null, 465)]
    [InlineData("None", null, 587)]
    [InlineData("SslOnConnect", "2465", 2465)]
    public void The_SMTP_port_defaults_to_the_usual_one_of_the_security_mode(string security, string? port, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Smtp:Security"] = security, ["Mail:Smtp:Port"] = port })
            .Build();

        Assert.Equal(expected, MailOptions.Read(configuration, "/repo/src/Host").Smtp.EffectivePort);
    }

    [Fact]
    public void Configured_retry_cooldowns_replace_the_defaults_instead_of_adding_to_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:RetryCooldowns:0"] = "00:00:10", ["Mail:RetryCooldowns:1"] = "00:01:00" })
            .Build();

        var options = MailOptions.Read(configuration, "/repo/src/Host");

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)], options.EffectiveRetryCooldowns);
        Assert.Equal(MailOptions.DefaultRefusalCooldowns, options.EffectiveRefusalCooldowns);
        Assert.True(MailOptions.DefaultRetryCooldowns.Zip(MailOptions.DefaultRetryCooldowns.Skip(1)).All(p => p.First <= p.Second), "the default pauses grow");
    }
}
