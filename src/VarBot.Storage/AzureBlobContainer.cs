using System.Runtime.CompilerServices;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace VarBot.Storage;

/// <summary>
/// <see cref="IBlobContainer"/> over the Azure SDK's <see cref="BlobContainerClient"/> (retries, authentication and
/// the REST protocol are the SDK's). This class only translates: blob name rules before a call, and the SDK's
/// exceptions into the seam's null/false, <see cref="BlobConditionFailedException"/> and <see cref="BlobStorageException"/>.
/// </summary>
internal sealed class AzureBlobContainer(BlobContainerClient client, TimeProvider timeProvider, ILogger logger) : IBlobContainer, ITableServiceSource
{
    private Lazy<Azure.Data.Tables.TableServiceClient>? _tableService;

    public string Name => client.Name;

    /// <summary>The Table service of the same account (made on first use, from the same connection string or credential).</summary>
    public Azure.Data.Tables.TableServiceClient TableService =>
        _tableService?.Value ?? throw new InvalidOperationException($"Container '{Name}' was made without a table service.");

    internal AzureBlobContainer WithTableService(Func<Azure.Data.Tables.TableServiceClient> create)
    {
        _tableService = new Lazy<Azure.Data.Tables.TableServiceClient>(create);
        return this;
    }

    /// <summary>Where the container lives (no credentials in it).</summary>
    internal Uri Uri => client.Uri;

    /// <summary>Page size for List Blobs; null lets the service choose (up to 5000). Tests set it small to force markers.</summary>
    internal int? ListPageSize { get; set; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Create Container", null);
        }
    }

    public async Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        try
        {
            var result = (await client.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            var details = result.Details;
            return new BlobDownload(
                new BlobProperties(blobName, details.ETag.ToString("H"), details.ContentLength, details.ContentType, details.LastModified),
                result.Content.ToArray());
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            return null;
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Get Blob", blobName);
        }
    }

    public async Task<BlobDownload?> GetAsync(string blobName, int maxBytes, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        try
        {
            // One byte more than allowed tells a blob that is too large from one that fits exactly.
            var options = new BlobDownloadOptions { Range = new HttpRange(0, maxBytes + 1L) };
            using var result = (await client.GetBlobClient(blobName).DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false)).Value;
            var details = result.Details;
            var length = TotalLength(details.ContentRange) ?? details.ContentLength;
            var properties = new BlobProperties(blobName, details.ETag.ToString("H"), length, details.ContentType, details.LastModified);
            if (length > maxBytes)
            {
                throw new BlobTooLargeException(properties, maxBytes);
            }

            var content = new byte[length];
            await result.Content.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new BlobDownload(properties, content);
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            return null;
        }
        catch (RequestFailedException exception) when (exception.Status == 416)
        {
            // A range on an empty blob is unsatisfiable: read it whole (it is empty).
            return await GetAsync(blobName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not BlobTooLargeException && IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Get Blob", blobName);
        }
    }

    /// <summary>The blob's whole length from a Content-Range header ("bytes 0-1024/52428800").</summary>
    private static long? TotalLength(string? contentRange) =>
        contentRange is not null && contentRange.LastIndexOf('/') is var slash and >= 0
            && long.TryParse(contentRange.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture, out var total)
            ? total
            : null;

    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        try
        {
            var properties = (await client.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new BlobProperties(blobName, properties.ETag.ToString("H"), properties.ContentLength, properties.ContentType, properties.LastModified);
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            return null;
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Get Blob Properties", blobName);
        }
    }

    public async Task<string> PutAsync(
        string blobName,
        ReadOnlyMemory<byte> content,
        string contentType,
        BlobCondition condition = default,
        CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = Conditions(condition),
        };
        try
        {
            // One Put Blob request: the block blob client never splits an upload into staged blocks.
            using var stream = new BinaryData(content).ToStream();
            var info = (await client.GetBlockBlobClient(blobName).UploadAsync(stream, options, cancellationToken).ConfigureAwait(false)).Value;
            return info.ETag.ToString("H");
        }
        catch (RequestFailedException exception) when (IsConditionFailure(exception, condition))
        {
            throw new BlobConditionFailedException(blobName, exception.Status);
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Put Blob", blobName);
        }
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = client.GetBlobsAsync(BlobTraits.None, BlobStates.None, string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken)
            .AsPages(pageSizeHint: ListPageSize)
            .GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.ContainerNotFound)
                {
                    break;
                }
                catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
                {
                    throw Translate(exception, "List Blobs", null);
                }

                foreach (var item in pages.Current.Values)
                {
                    var properties = item.Properties;
                    yield return new BlobProperties(
                        item.Name,
                        properties.ETag?.ToString("H") ?? "",
                        properties.ContentLength ?? 0,
                        properties.ContentType is { Length: > 0 } type ? type : null,
                        properties.LastModified ?? DateTimeOffset.MinValue);
                }
            }
        }
    }

    public async Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        try
        {
            var response = await client.GetBlobClient(blobName)
                .DeleteIfExistsAsync(DeleteSnapshotsOption.None, Conditions(condition), cancellationToken)
                .ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException exception) when (IsConditionFailure(exception, condition))
        {
            throw new BlobConditionFailedException(blobName, exception.Status);
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Delete Blob", blobName);
        }
    }

    public async Task<IBlobLease?> TryAcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        BlobNames.Validate(blobName);
        if (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A blob lease lasts 15 to 60 seconds.");
        }

        var blob = client.GetBlobClient(blobName);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased): that is the normal case.
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Put Blob", blobName);
        }

        var leaseClient = blob.GetBlobLeaseClient();
        try
        {
            await leaseClient.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw Translate(exception, "Lease Blob", blobName);
        }

        return new BlobLease(leaseClient, blobName, duration, timeProvider, logger);
    }

    private static BlobRequestConditions? Conditions(BlobCondition condition) =>
        condition.IfMatch is null && condition.IfNoneMatch is null
            ? null
            : new BlobRequestConditions
            {
                IfMatch = condition.IfMatch is { } ifMatch ? new ETag(ifMatch) : null,
                IfNoneMatch = condition.IfNoneMatch is { } ifNoneMatch ? new ETag(ifNoneMatch) : null,
            };

    private static bool IsNotFound(RequestFailedException exception) =>
        exception.Status == 404 && (exception.ErrorCode is null || exception.ErrorCode == BlobErrorCode.BlobNotFound || exception.ErrorCode == BlobErrorCode.ContainerNotFound);

    private static bool IsConditionFailure(RequestFailedException exception, BlobCondition condition) =>
        (condition.IfMatch is not null || condition.IfNoneMatch is not null) && exception.Status is 409 or 412;

    /// <summary>Everything but the caller's own cancellation: that one stays an <see cref="OperationCanceledException"/>.</summary>
    private static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>
    /// The seam's exception for a failure. The SDK's own message is deliberately left out (and not kept as the inner
    /// exception): for AuthenticationFailed it quotes the string-to-sign the service received.
    /// </summary>
    private BlobStorageException Translate(Exception exception, string operation, string? blobName)
    {
        var target = blobName is null ? $"container '{Name}'" : $"blob '{blobName}' in container '{Name}'";
        var host = client.Uri.GetLeftPart(UriPartial.Authority);
        switch (exception)
        {
            case RequestFailedException { Status: > 0 } failed:
                var status = failed.Status;
                var errorCode = failed.ErrorCode;
                StorageLog.RequestFailed(logger, operation, Name, blobName ?? "", status, errorCode ?? "");
                var code = errorCode is null ? "" : ", " + errorCode;
                var message = status switch
                {
                    // Azure answers a bad signature with AuthenticationFailed, Azurite with AuthorizationFailure.
                    403 when errorCode is "AuthenticationFailed" or "AuthorizationFailure" =>
                        $"Blob storage refused the credentials for {target} (HTTP 403{code}): check the account name and key, or the token and its role assignment.",
                    403 => $"Blob storage denied {operation} on {target} (HTTP 403{code}): the identity lacks permission.",
                    401 => $"Blob storage did not accept the authorization for {target} (HTTP 401{code}).",
                    >= 500 => $"Blob storage failed on {operation} for {target} (HTTP {status}{code}); try again later.",
                    _ => $"Blob storage answered {operation} for {target} with HTTP {status}{code}.",
                };
                return new BlobStorageException(message, status, errorCode);
            case AuthenticationFailedException:
                StorageLog.CredentialFailed(logger, operation, Name, exception.GetType().Name);
                return new BlobStorageException(
                    $"Could not get an Entra ID token for blob storage ({operation} on {target}): check the managed identity or 'az login'.");
            case OperationCanceledException:
                StorageLog.TimedOut(logger, operation, Name, host);
                return new BlobStorageException($"Blob storage at {host} did not answer in time ({operation} on {target}).");
            default:
                var reason = Innermost(exception).Message;
                StorageLog.Unreachable(logger, operation, Name, host, reason);
                return new BlobStorageException($"Blob storage at {host} is unreachable ({operation} on {target}): {reason}");
        }
    }

    private static Exception Innermost(Exception exception)
    {
        while (true)
        {
            var next = exception is AggregateException aggregate ? aggregate.InnerExceptions.LastOrDefault() : exception.InnerException;
            if (next is null)
            {
                return exception;
            }

            exception = next;
        }
    }
}
