using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VarBot.TestSupport;

/// <summary>One log record as a test sees it: category, level, event id, formatted message, exception and structured values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    /// <summary>The line form of the record, e.g. <c>VarBot.Storage Warning 2005: message [Key=value] exception</c>.</summary>
    public override string ToString() =>
        $"{Category} {Level} {EventId.Id}: {Message} [{string.Join(" ", Values.Select(p => $"{p.Key}={p.Value}"))}] {Exception}";
}

/// <summary>
/// Keeps everything a host or service logs, at every level, so tests can check what does (and does not) reach the logs.
/// <see cref="Entries"/> holds the records; <see cref="Lines"/> holds the records as text plus the scopes that were opened.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every log record in the order written.</summary>
    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>Every record as a line (see <see cref="LogEntry.ToString"/>) and every scope as <c>{category} scope: {state}</c>.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>A logger factory that writes to this provider only, at every level.</summary>
    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <summary>Forgets what was captured so far.</summary>
    public void Clear()
    {
        _entries.Clear();
        _lines.Clear();
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
            var entry = new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, values);
            owner._entries.Enqueue(entry);
            owner._lines.Enqueue(entry.ToString());
        }
    }
}
