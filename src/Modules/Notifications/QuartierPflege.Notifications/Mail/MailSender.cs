using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using QuartierPflege.Notifications.Persistence;

namespace QuartierPflege.Notifications.Mail;

/// <summary>
/// Sends queued mail. Each mail is claimed with <c>FOR UPDATE SKIP LOCKED</c> and stays locked until it is recorded as
/// sent, so two Host processes never send one mail twice. A failure (server down, refused) leaves the mail queued for a
/// retry with a growing delay, measured on the injected clock. When nothing is due the sender waits for a wake-up
/// (<see cref="MailWakeUp"/>) or the poll interval; after a failure it waits too, so an unreachable server is not hammered.
/// </summary>
internal sealed partial class MailSender(
    NpgsqlDataSource dataSource,
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<MailOptions> options,
    IClock clock,
    ILogger<MailSender> logger) : BackgroundService
{
    private enum Outcome
    {
        NoneDue,
        Sent,
        Failed,
    }

    private readonly MailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.SenderEnabled)
        {
            return;
        }

        // Let the host finish starting before the first database round trip.
        await Task.Yield();
        LogStarted(logger, _options.Transport,
            _options.Transport == MailTransportKind.Smtp ? $"{_options.Smtp.Host}:{_options.Smtp.Port}" : _options.PickupDirectory ?? "-");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {MailWakeUp.Channel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await SendDueAsync(stoppingToken);
                    // Returns at once when new mail is committed (NOTIFY); the poll brings retries that have fallen due.
                    await listener.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // A fresh database before "Host migrate": nothing can be queued yet.
                LogNotMigrated(logger);
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSenderError(logger, ex);
                await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends every mail that is due, one after the other, until none is left or one fails.</summary>
    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        while (await SendNextAsync(cancellationToken) == Outcome.Sent)
        {
        }
    }

    private async Task<Outcome> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mail = await ClaimAsync(db, cancellationToken);
        if (mail is null)
        {
            return Outcome.NoneDue;
        }

        Outcome outcome;
        try
        {
            await transport.SendAsync(mail.ToOutgoing(), cancellationToken);
            mail.MarkSent(clock.GetCurrentInstant());
            outcome = Outcome.Sent;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAfter = Duration.FromTimeSpan(_options.DelayAfter(mail.Attempts + 1));
            mail.MarkFailed(Describe(ex), clock.GetCurrentInstant(), retryAfter);
            LogSendFailed(logger, mail.MessageKind, mail.Id, mail.Attempts, mail.LastError!, mail.NextAttemptAt);
            outcome = Outcome.Failed;
        }

        // Once the server has the mail, recording that must not be cancelled by a stopping host: an unrecorded mail
        // is sent again. (A crash right here still does that: delivery is at least once.)
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return outcome;
    }

    private async Task<QueuedMail?> ClaimAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant().ToDateTimeUtc();
        var claimed = await db.QueuedMails
            .FromSql($"""
                      SELECT * FROM notifications.queued_mail
                      WHERE sent_at IS NULL AND next_attempt_at <= {now}
                      ORDER BY next_attempt_at, created_at
                      LIMIT 1
                      FOR UPDATE SKIP LOCKED
                      """)
            .ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    // SmtpException says "Failure sending mail."; the reason (refused, timed out, 550 …) is in the inner exceptions.
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            parts.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        return string.Join(" → ", parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sender started: {Transport} ({Destination})")]
    private static partial void LogStarted(ILogger logger, MailTransportKind transport, string destination);

    // Without the stack trace: an unreachable server is an expected condition, the reason chain says all.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending mail {Kind} {MailId} failed (attempt {Attempts}): {Error}; next attempt at {NextAttemptAt}")]
    private static partial void LogSendFailed(ILogger logger, string kind, Guid mailId, int attempts, string error, Instant nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail queue table does not exist yet (database not migrated); waiting")]
    private static partial void LogNotMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail sender error; retrying")]
    private static partial void LogSenderError(ILogger logger, Exception exception);
}
