using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VarBot.Storage.Tests;

/// <summary>Keeps every formatted log line (with its exception) so tests can check what would reach the logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>Records the Authorization header of every request that goes out, so tests can look for the signature elsewhere.</summary>
internal sealed class AuthorizationRecordingHandler : DelegatingHandler
{
    public AuthorizationRecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Without an inner handler, for IHttpClientFactory's AddHttpMessageHandler.</summary>
    public AuthorizationRecordingHandler(ConcurrentQueue<string> authorizations) => Authorizations = authorizations;

    public ConcurrentQueue<string> Authorizations { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { } authorization)
        {
            Authorizations.Enqueue(authorization.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
