namespace VarBot.Storage;

/// <summary>
/// The subset of Azure Blob Storage that VarBot uses, scoped to one container. The REST implementation
/// lives in this project; Azure.Storage.Blobs' BlobContainerClient could stand behind the same interface.
/// </summary>
public interface IBlobContainer
{
    string Name { get; }

    /// <summary>Creates the container unless it exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Downloads a blob, or returns null when it does not exist.</summary>
    Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob's properties, or returns null when it does not exist.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a block blob in one request under <paramref name="condition"/> and returns its new ETag.
    /// Throws <see cref="BlobConditionFailedException"/> when the condition does not hold.
    /// </summary>
    Task<string> PutAsync(
        string blobName,
        ReadOnlyMemory<byte> content,
        string contentType,
        BlobCondition condition = default,
        CancellationToken cancellationToken = default);

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, following continuation markers.</summary>
    IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; returns false when it did not exist. Honours <paramref name="condition"/>.</summary>
    Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default);
}

/// <summary>An ETag precondition: If-Match a given ETag, or If-None-Match "*" (create only).</summary>
public readonly record struct BlobCondition(string? IfMatch, string? IfNoneMatch)
{
    public static BlobCondition None => default;

    public static BlobCondition IfNotExists => new(null, "*");

    public static BlobCondition IfUnchanged(string etag) => new(etag, null);
}

public sealed record BlobProperties(string Name, string ETag, long ContentLength, string? ContentType, DateTimeOffset LastModified);

public sealed record BlobDownload(BlobProperties Properties, byte[] Content);

/// <summary>The service answered 412 (If-Match failed) or 409 (If-None-Match "*" on an existing blob).</summary>
public sealed class BlobConditionFailedException(string blobName, int status)
    : Exception($"The condition on blob '{blobName}' did not hold (HTTP {status}).")
{
    public string BlobName { get; } = blobName;

    public int Status { get; } = status;
}

/// <summary>Storage failed for another reason: unreachable, refused credentials, or an unexpected answer. Never holds secrets.</summary>
public sealed class BlobStorageException(string message, int? status = null, string? errorCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}
