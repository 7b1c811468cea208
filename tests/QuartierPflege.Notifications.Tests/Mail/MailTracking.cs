using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuartierPflege.Notifications.Contracts;
using QuartierPflege.Notifications.Mail;
using QuartierPflege.Testing;
using Wolverine.Tracking;

namespace QuartierPflege.Notifications.Tests.Mail;

/// <summary>Sending mail as other modules do (a durable command) and looking at what became of it.</summary>
internal static class MailTracking
{
    public static Task<ITrackedSession> SendAndTrackAsync(this QpApp app, SendMail mail, bool allowFailures = false)
    {
        var tracking = app.Services.TrackActivity(MessageTracking.DefaultTimeout);
        return (allowFailures ? tracking.DoNotAssertOnExceptionsDetected() : tracking).SendMessageAndWaitAsync(mail);
    }

    /// <summary>
    /// Sends a mail and waits until <paramref name="attempts"/> attempts to send it have finished, failed or not: a
    /// failed attempt that schedules a retry does not end Wolverine's tracked session by itself.
    /// </summary>
    public static Task<ITrackedSession> SendAndWaitForAttemptsAsync(this QpApp app, SendMail mail, int attempts)
        => app.Services.TrackActivity(MessageTracking.DefaultTimeout)
            .DoNotAssertOnExceptionsDetected()
            .WaitForCondition(new FinishedAttempts(attempts))
            .SendMessageAndWaitAsync(mail);

    public static async Task<SentMail?> SentMailAsync(this QpApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<SentMail>(id);
    }

    public static Task WaitUntilSentAsync(this QpApp app, Guid id, TimeSpan? timeout = null)
        => Eventually.UntilAsync(async () => await app.SentMailAsync(id) is not null, $"mail {id} recorded as sent", timeout);

    /// <summary>Wolverine's dead letters of the mail command: (exception type, exception message).</summary>
    public static async Task<List<(string ExceptionType, string ExceptionMessage)>> MailDeadLettersAsync(this QpApp app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT exception_type, exception_message FROM wolverine.wolverine_dead_letters WHERE message_type = @type", connection);
        command.Parameters.AddWithValue("type", SendMail.MessageName);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Mail commands Wolverine still holds (incoming, scheduled for a retry), not yet handled.</summary>
    public static async Task<long> PendingMailCommandsAsync(this QpApp app)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE message_type = @type AND status <> 'Handled'", connection);
        command.Parameters.AddWithValue("type", SendMail.MessageName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class FinishedAttempts(int count) : ITrackedCondition
    {
        private int _finished;

        public void Record(EnvelopeRecord record)
        {
            if (record.MessageEventType == MessageEventType.ExecutionFinished && record.Envelope?.Message is SendMail)
            {
                Interlocked.Increment(ref _finished);
            }
        }

        public bool IsCompleted() => Volatile.Read(ref _finished) >= count;

        public override string ToString() => $"{count} finished attempt(s) to send a mail";
    }
}
