using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using QuartierPflege.Notifications.Contracts;

namespace QuartierPflege.Notifications.Tests.Mail;

/// <summary>
/// The exceptions of failed attempts to send a mail, as Wolverine logs them (its tracked sessions do not keep the
/// exception of an attempt that ends in a scheduled retry). Register it as a logger provider of the test Host.
/// </summary>
public sealed class MailFailureLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Exception> _failures = new();

    public IReadOnlyList<Exception> Failures => [.. _failures];

    public ILogger CreateLogger(string categoryName) => categoryName == typeof(SendMail).FullName ? new Collector(_failures) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<Exception> failures) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && IsEnabled(logLevel))
            {
                failures.Enqueue(exception);
            }
        }
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
