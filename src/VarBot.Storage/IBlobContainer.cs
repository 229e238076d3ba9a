namespace VarBot.Storage;

/// <summary>
/// The part of Azure Blob Storage that VarBot uses, scoped to one container. Callers never see the SDK: absent blobs are
/// null or false, a failed ETag condition is <see cref="BlobConditionFailedException"/>, everything else is
/// <see cref="BlobStorageException"/>. Blob names are checked by <see cref="BlobNames"/> before any request.
/// </summary>
public interface IBlobContainer
{
    string Name { get; }

    /// <summary>Creates the container unless it exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Downloads a blob, or returns null when it does not exist.</summary>
    Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a blob of at most <paramref name="maxBytes"/> bytes (never more travels), or returns null when it does
    /// not exist. Throws <see cref="BlobTooLargeException"/> for a larger blob.
    /// </summary>
    Task<BlobDownload?> GetAsync(string blobName, int maxBytes, CancellationToken cancellationToken = default);

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

    /// <summary>
    /// Takes the lease on <paramref name="blobName"/> (created empty when missing), or returns null while another holder
    /// has it. The blob is a lock only: store nothing else in it. The lease renews itself until it is disposed (which
    /// releases it); when a renewal fails, <see cref="IBlobLease.Lost"/> is cancelled and the holder must stop.
    /// </summary>
    /// <param name="duration">15 to 60 seconds: how long the lease outlives a holder that crashed.</param>
    Task<IBlobLease?> TryAcquireLeaseAsync(string blobName, TimeSpan duration, CancellationToken cancellationToken = default);
}

/// <summary>A held blob lease: one holder at a time across processes and hosts.</summary>
public interface IBlobLease : IAsyncDisposable
{
    string BlobName { get; }

    /// <summary>Cancelled when the lease could not be renewed (another holder may take it): stop the guarded work.</summary>
    CancellationToken Lost { get; }

    /// <summary>Renews now; the lease also renews itself at a third of its duration.</summary>
    Task RenewAsync(CancellationToken cancellationToken = default);
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

/// <summary>A capped read met a larger blob; <see cref="Properties"/> has its real length and its ETag (to replace it).</summary>
public sealed class BlobTooLargeException(BlobProperties properties, int maxBytes)
    : Exception($"Blob '{properties.Name}' has {properties.ContentLength} bytes, more than the {maxBytes} allowed for it.")
{
    public BlobProperties Properties { get; } = properties;
}

/// <summary>Storage failed for another reason: unreachable, refused credentials, or an unexpected answer. Never holds secrets.</summary>
public sealed class BlobStorageException(string message, int? status = null, string? errorCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;

    public string? ErrorCode { get; } = errorCode;
}
