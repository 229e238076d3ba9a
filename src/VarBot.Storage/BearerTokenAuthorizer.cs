// Spec: Microsoft Learn, "Authorize access to blobs using Microsoft Entra ID" (scope https://storage.azure.com/.default).
using System.Net.Http.Headers;
using Azure.Core;

namespace VarBot.Storage;

/// <summary>Adds "Authorization: Bearer" with a token from any Azure.Core credential, cached until shortly before it expires.</summary>
internal sealed class BearerTokenAuthorizer(TokenCredential credential, TimeProvider timeProvider) : IRequestAuthorizer
{
    internal const string Scope = "https://storage.azure.com/.default";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && cached.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow())
        {
            return cached.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } again && again.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow())
            {
                return again.Token;
            }

            var fresh = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
            _token = fresh;
            return fresh.Token;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new BlobStorageException("Could not obtain a Microsoft Entra ID token for blob storage: " + ex.Message, inner: ex);
        }
        finally
        {
            _gate.Release();
        }
    }
}
