using System.Collections.Concurrent;

namespace VarBot.Storage.Tests;

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
