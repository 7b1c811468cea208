using JasperFx;
using JasperFx.CodeGeneration;
using MailKit.Net.Smtp;
using MimeKit;
using QuartierPflege.Notifications.Contracts;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// What a failed <see cref="SendMail"/> does. A permanent refusal (an SMTP 5xx answer) is tried a few more times,
/// briefly, in case it was a passing misconfiguration of the server, then becomes a dead letter; an address that
/// cannot be parsed becomes one at once. Everything else (server unreachable, timeout, 4xx "try later") is retried
/// with growing pauses for about a day, then becomes a dead letter. The pauses are scheduled retries: a waiting mail
/// is stored, not held by a worker, and survives a restart.
/// </summary>
internal sealed class MailFailurePolicy(TimeSpan[] retryCooldowns, TimeSpan[] refusalCooldowns) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        ArgumentNullException.ThrowIfNull(chains);
        foreach (var chain in chains.Where(c => c.MessageType == typeof(SendMail)))
        {
            chain.OnException<SmtpCommandException>(IsPermanent, "SMTP 5xx: refused for good")
                .RetryWithCooldown(refusalCooldowns).Then.MoveToErrorQueue();
            chain.OnException<ParseException>().MoveToErrorQueue();
            chain.OnAnyException().ScheduleRetry(retryCooldowns).Then.MoveToErrorQueue();
        }
    }

    internal static bool IsPermanent(SmtpCommandException exception) => (int)exception.StatusCode >= 500;
}
