using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Moq;
using VarBot.TestSupport;

namespace VarBot.Storage.Tests;

/// <summary>
/// Azurite refuses OAuth over plain http, so a tiny local HTTP listener stands in for the service and records
/// what arrives; the credential is the one thing mocked (no Entra ID here).
/// </summary>
public sealed class BearerTokenTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string? Version)> _requests = new();
    private readonly Task _serving;
    private readonly Uri _serviceUri;

    public BearerTokenTests()
    {
        var port = LocalServer.FreePort();
        _serviceUri = new Uri($"http://127.0.0.1:{port}/account");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            _requests.Enqueue((request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], request.Headers["x-ms-version"]));
            var failing = request.Url.AbsolutePath.EndsWith("/boom", StringComparison.Ordinal);
            context.Response.StatusCode = failing ? 503 : 404;
            context.Response.Headers["x-ms-error-code"] = failing ? "ServerBusy" : "BlobNotFound";
            context.Response.Close();
        }
    }

    [Fact]
    public async Task GetPropertiesAsync_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("fixed-token-123", DateTimeOffset.UtcNow.AddHours(1)));
        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(_serviceUri, credential.Object, "varbot", http);

        var first = await container.GetPropertiesAsync("models/current.json");
        var second = await container.GetAsync("models/current.json");

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(2, _requests.Count);
        Assert.All(_requests, r => Assert.Equal("Bearer fixed-token-123", r.Authorization));
        Assert.All(_requests, r => Assert.Equal(RestBlobContainer.ServiceVersion, r.Version));
        Assert.Equal("/account/varbot/models/current.json", _requests.First().Path);
        // The token is cached while valid and requested for the storage scope only.
        credential.Verify(
            c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" })), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task GetAsync_CredentialFails_ThrowsBlobStorageException()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("no managed identity here"));
        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(_serviceUri, credential.Object, "varbot", http);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("x.json"));

        Assert.Contains("Entra ID token", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task GetAsync_ServiceAnswers503_ThrowsBlobStorageExceptionWithStatusAndCode()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("fixed-token-123", DateTimeOffset.UtcNow.AddHours(1)));
        using var http = new HttpClient();
        var container = BlobContainerFactory.Create(_serviceUri, credential.Object, "varbot", http);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("boom"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Contains("try again later", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed-token-123", ex.ToString(), StringComparison.Ordinal);
    }
}
