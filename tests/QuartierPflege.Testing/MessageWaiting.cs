using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QuartierPflege.BuildingBlocks.Messaging;

namespace QuartierPflege.Testing;

/// <summary>Lets a test wait until the messages its actions caused (and the messages those caused) are all handled.</summary>
public static class MessageWaiting
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Waits until no message is pending in any module's outbox. Fails after <paramref name="timeout"/> (default 15 s)
    /// listing what is still pending with its attempts and last error; also fails if a message was dead-lettered,
    /// unless <paramref name="allowDeadLetters"/> is set.
    /// </summary>
    public static async Task WaitForMessagesAsync(this QpApp app, TimeSpan? timeout = null, bool allowDeadLetters = false)
    {
        var monitor = app.Services.GetRequiredService<MessageMonitor>();
        var deadBefore = (await monitor.DeadLettersAsync(CancellationToken.None)).Select(d => d.MessageId).ToHashSet();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var pending = await monitor.PendingAsync(CancellationToken.None);
            if (pending.Count == 0)
            {
                break;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException(Describe($"{pending.Count} message(s) still pending after {limit.TotalSeconds:0.#} s:", pending));
            }

            await Task.Delay(PollEvery);
        }

        var newDead = (await monitor.DeadLettersAsync(CancellationToken.None)).Where(d => !deadBefore.Contains(d.MessageId)).ToList();
        if (newDead.Count > 0 && !allowDeadLetters)
        {
            throw new InvalidOperationException(Describe("Messages were dead-lettered while waiting:", newDead));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(PollEvery);
        }
    }

    private static string Describe(string heading, IEnumerable<MessageSummary> messages)
    {
        var text = new StringBuilder(heading);
        foreach (var m in messages.Take(50))
        {
            text.AppendLine().Append(
                $"  {m.Schema}.outbox #{m.Id} {m.Name} ({m.MessageId}) attempts={m.Attempts} next={m.NextAttemptAt} error={m.LastError ?? "-"}");
        }

        return text.ToString();
    }
}
