using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace VarBot.Cli.Hosting;

/// <summary>
/// Writes log lines to a <see cref="CliEnvironment"/>'s output with the console logger's own formatter (the one named by
/// Logging:Console:FormatterName, "simple" by default), so lines look as they did with <c>AddConsole()</c>. Its alias is
/// "Console", so Logging:Console:LogLevel:* still applies. Lines are written at once, not from a background queue.
/// </summary>
[ProviderAlias("Console")]
internal sealed class CliLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly TextWriter _writer;
    private readonly ConsoleFormatter _formatter;
    private readonly ConcurrentDictionary<string, CliLogger> _loggers = new(StringComparer.Ordinal);
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public CliLoggerProvider(CliEnvironment environment, IEnumerable<ConsoleFormatter> formatters, IOptions<ConsoleLoggerOptions> options)
    {
        _writer = environment.Output;
        var name = options.Value.FormatterName ?? ConsoleFormatterNames.Simple;
        _formatter = formatters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? formatters.First(f => f.Name == ConsoleFormatterNames.Simple);
    }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, category => new CliLogger(category, this));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => _writer.Flush();

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var line = new StringWriter();
        _formatter.Write(entry, _scopes, line);
        if (line.GetStringBuilder().Length > 0)
        {
            // One write per entry, so lines from concurrent senders do not interleave.
            _writer.Write(line.ToString());
        }
    }

    private sealed class CliLogger(string category, CliLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
            }
        }
    }
}
