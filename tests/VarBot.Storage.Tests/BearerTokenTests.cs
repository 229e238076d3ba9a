using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Identity;
using Moq;

namespace VarBot.Storage.Tests;

/// <summary>
/// Entra ID tokens: the SDK sends them only over https and Azurite serves plain http, so an in-process handler stands in
/// for the service and records what arrives; the credential is the one thing mocked (no Entra ID here).
/// </summary>
public sealed class BearerTokenTests : IDisposable
{
    private static readonly Uri ServiceUri = new("https://varprod.blob.core.windows.net");
    private readonly RecordingService _service = new();
    private readonly HttpClient _http;

    public BearerTokenTests() => _http = new HttpClient(_service);

    public void Dispose() => _http.Dispose();

    private static Mock<TokenCredential> Credential()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("fixed-token-123", DateTimeOffset.UtcNow.AddHours(1)));
        return credential;
    }

    [Fact]
    public async Task GetPropertiesAsync_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var credential = Credential();
        var container = BlobContainerFactory.Create(ServiceUri, credential.Object, "varbot", _http);

        var first = await container.GetPropertiesAsync("models/current.json");
        var second = await container.GetAsync("models/current.json");

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(2, _service.Requests.Count);
        Assert.All(_service.Requests, r => Assert.Equal("Bearer fixed-token-123", r.Authorization));
        Assert.Equal("/varbot/models/current.json", _service.Requests.First().Path);
        // The token is cached while valid and requested for the storage scope only.
        credential.Verify(
            c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "https://storage.azure.com/.default" })), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task GetAsync_NoManagedIdentity_ThrowsBlobStorageExceptionWithoutRequest()
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("no managed identity here"));
        var container = BlobContainerFactory.Create(ServiceUri, credential.Object, "varbot", _http);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("x.json"));

        Assert.Contains("Entra ID token", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task GetAsync_ServiceAnswers503_RetriesThenThrowsWithStatusAndCode()
    {
        var container = BlobContainerFactory.Create(ServiceUri, Credential().Object, "varbot", _http);

        var ex = await Assert.ThrowsAsync<BlobStorageException>(() => container.GetAsync("boom"));

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServerBusy", ex.ErrorCode);
        Assert.Contains("try again later", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed-token-123", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(1 + new BlobStorageOptions().MaxRetries, _service.Requests.Count);
    }

    /// <summary>Answers 404 BlobNotFound, or 503 ServerBusy for a blob named "boom".</summary>
    private sealed class RecordingService : HttpMessageHandler
    {
        public ConcurrentQueue<(string Method, string Path, string? Authorization)> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString()));
            var failing = request.RequestUri.AbsolutePath.EndsWith("/boom", StringComparison.Ordinal);
            var response = new HttpResponseMessage(failing ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
            response.Headers.Add("x-ms-error-code", failing ? "ServerBusy" : "BlobNotFound");
            return Task.FromResult(response);
        }
    }
}
