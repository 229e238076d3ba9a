// Spec: Microsoft Learn, "Blob service REST API" (Create Container, Put Blob, Get Blob, Get Blob Properties, List Blobs, Delete Blob).
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace VarBot.Storage;

/// <summary>One container, spoken to over the Blob REST API with a signed or bearer-authorized request per operation.</summary>
internal sealed partial class RestBlobContainer : IBlobContainer
{
    /// <summary>A service version Azurite 3.37 accepts and Azure supports, with OAuth and empty Content-Length signing.</summary>
    internal const string ServiceVersion = "2025-01-05";

    private readonly Uri _containerUri;
    private readonly Func<HttpClient> _httpClient;
    private readonly IRequestAuthorizer _authorizer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public RestBlobContainer(Uri serviceUri, string name, Func<HttpClient> httpClient, IRequestAuthorizer authorizer, TimeProvider timeProvider, ILogger logger)
    {
        BlobContainerName.Validate(name);
        Name = name;
        _containerUri = new Uri(StorageConnectionString.TrimTrailingSlash(serviceUri) + "/" + name);
        _httpClient = httpClient;
        _authorizer = authorizer;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>Page size for List Blobs; null lets the service choose (up to 5000). Tests set it small to force markers.</summary>
    internal int? ListPageSize { get; set; }

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Put, ContainerUri("restype=container"));
        using var response = await SendAsync(request, "Create Container", null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return;
        }

        var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict && error == "ContainerAlreadyExists")
        {
            return;
        }

        throw Fail("Create Container", null, response, error);
    }

    public async Task<BlobDownload?> GetAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Get, BlobUri(blobName));
        using var response = await SendAsync(request, "Get Blob", blobName, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new BlobDownload(ReadProperties(blobName, response), content);
        }

        var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && error is "BlobNotFound" or "ContainerNotFound" or null)
        {
            return null;
        }

        throw Fail("Get Blob", blobName, response, error);
    }

    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Head, BlobUri(blobName));
        using var response = await SendAsync(request, "Get Blob Properties", blobName, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return ReadProperties(blobName, response);
        }

        // HEAD answers carry no body: the error code comes from the x-ms-error-code header only.
        var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && error is "BlobNotFound" or "ContainerNotFound" or null)
        {
            return null;
        }

        throw Fail("Get Blob Properties", blobName, response, error);
    }

    public async Task<string> PutAsync(
        string blobName,
        ReadOnlyMemory<byte> content,
        string contentType,
        BlobCondition condition = default,
        CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Put, BlobUri(blobName));
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Content = new ReadOnlyMemoryContent(content);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content.Headers.ContentLength = content.Length;
        AddCondition(request, condition);
        using var response = await SendAsync(request, "Put Blob", blobName, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return response.Headers.ETag?.ToString() ?? throw new BlobStorageException($"Put Blob for '{blobName}' in container '{Name}' returned no ETag.", 201);
        }

        var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (IsConditionFailure(response.StatusCode, condition))
        {
            throw new BlobConditionFailedException(blobName, (int)response.StatusCode);
        }

        throw Fail("Put Blob", blobName, response, error);
    }

    public async IAsyncEnumerable<BlobProperties> ListAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            var query = "restype=container&comp=list";
            if (!string.IsNullOrEmpty(prefix))
            {
                query += "&prefix=" + Uri.EscapeDataString(prefix);
            }

            if (marker is not null)
            {
                query += "&marker=" + Uri.EscapeDataString(marker);
            }

            if (ListPageSize is { } size)
            {
                query += "&maxresults=" + size.ToString(CultureInfo.InvariantCulture);
            }

            XDocument page;
            using (var request = NewRequest(HttpMethod.Get, ContainerUri(query)))
            using (var response = await SendAsync(request, "List Blobs", null, cancellationToken).ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.NotFound && error == "ContainerNotFound")
                    {
                        yield break;
                    }

                    throw Fail("List Blobs", null, response, error);
                }

                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    page = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
                }
            }

            var root = page.Root ?? throw new BlobStorageException($"List Blobs in container '{Name}' returned an empty document.");
            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                yield return ParseListedBlob(blob);
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    public async Task<bool> DeleteAsync(string blobName, BlobCondition condition = default, CancellationToken cancellationToken = default)
    {
        using var request = NewRequest(HttpMethod.Delete, BlobUri(blobName));
        AddCondition(request, condition);
        using var response = await SendAsync(request, "Delete Blob", blobName, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            return true;
        }

        var error = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && error is "BlobNotFound" or "ContainerNotFound" or null)
        {
            return false;
        }

        if (IsConditionFailure(response.StatusCode, condition))
        {
            throw new BlobConditionFailedException(blobName, (int)response.StatusCode);
        }

        throw Fail("Delete Blob", blobName, response, error);
    }

    private static bool IsConditionFailure(HttpStatusCode status, BlobCondition condition) =>
        (condition.IfMatch is not null || condition.IfNoneMatch is not null)
        && status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict;

    private static void AddCondition(HttpRequestMessage request, BlobCondition condition)
    {
        if (condition.IfMatch is { } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (condition.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
    }

    private Uri ContainerUri(string query) => new(_containerUri + "?" + query);

    private Uri BlobUri(string blobName)
    {
        if (string.IsNullOrEmpty(blobName) || blobName.Length > 1024)
        {
            throw new ArgumentException("A blob name has 1 to 1024 characters.", nameof(blobName));
        }

        var path = string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
        return new Uri(_containerUri + "/" + path);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("x-ms-date", _timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        request.Headers.Add("x-ms-version", ServiceVersion);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string operation, string? blobName, CancellationToken cancellationToken)
    {
        await _authorizer.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _httpClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.Unreachable(_logger, operation, Name, _containerUri.Authority, ex.Message);
            throw new BlobStorageException(
                $"Blob storage at {_containerUri.GetLeftPart(UriPartial.Authority)} is unreachable ({operation} on {Describe(blobName)}): {ex.Message}",
                inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(_logger, operation, Name, _containerUri.Authority);
            throw new BlobStorageException(
                $"Blob storage at {_containerUri.GetLeftPart(UriPartial.Authority)} did not answer in time ({operation} on {Describe(blobName)}).",
                inner: ex);
        }
    }

    private string Describe(string? blobName) => blobName is null ? $"container '{Name}'" : $"blob '{blobName}' in container '{Name}'";

    /// <summary>
    /// Builds the failure for an unexpected answer. The service's own error message is deliberately left out: for
    /// AuthenticationFailed it quotes the string-to-sign and the signature it received.
    /// </summary>
    private BlobStorageException Fail(string operation, string? blobName, HttpResponseMessage response, string? errorCode)
    {
        var status = (int)response.StatusCode;
        Log.RequestFailed(_logger, operation, Name, blobName ?? "", status, errorCode ?? "");
        var target = Describe(blobName);
        var code = errorCode is null ? "" : ", " + errorCode;
        var message = response.StatusCode switch
        {
            // Azure answers a bad signature with AuthenticationFailed, Azurite with AuthorizationFailure.
            HttpStatusCode.Forbidden when errorCode is "AuthenticationFailed" or "AuthorizationFailure" =>
                $"Blob storage refused the credentials for {target} (HTTP 403{code}): check the account name and key, or the token and its role assignment.",
            HttpStatusCode.Forbidden =>
                $"Blob storage denied {operation} on {target} (HTTP 403{code}): the identity lacks permission.",
            HttpStatusCode.Unauthorized =>
                $"Blob storage did not accept the authorization for {target} (HTTP 401{code}).",
            >= HttpStatusCode.InternalServerError =>
                $"Blob storage failed on {operation} for {target} (HTTP {status}{code}); try again later.",
            _ => $"Blob storage answered {operation} for {target} with HTTP {status}{code}.",
        };
        return new BlobStorageException(message, status, errorCode);
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues("x-ms-error-code", out var values))
        {
            return values.FirstOrDefault();
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return XDocument.Parse(body).Root?.Element("Code")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static BlobProperties ReadProperties(string blobName, HttpResponseMessage response)
    {
        var etag = response.Headers.ETag?.ToString() ?? "";
        var length = response.Content.Headers.ContentLength ?? 0;
        var contentType = response.Content.Headers.ContentType?.ToString();
        var lastModified = response.Content.Headers.LastModified ?? DateTimeOffset.MinValue;
        return new BlobProperties(blobName, etag, length, contentType, lastModified);
    }

    private static BlobProperties ParseListedBlob(XElement blob)
    {
        var properties = blob.Element("Properties");
        var etag = properties?.Element("Etag")?.Value ?? "";
        if (etag.Length > 0 && etag[0] != '"')
        {
            // List Blobs returns the ETag unquoted in some versions; the headers (and If-Match) use the quoted form.
            etag = "\"" + etag + "\"";
        }

        return new BlobProperties(
            blob.Element("Name")?.Value ?? "",
            etag,
            long.TryParse(properties?.Element("Content-Length")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : 0,
            properties?.Element("Content-Type")?.Value is { Length: > 0 } type ? type : null,
            DateTimeOffset.TryParse(properties?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : DateTimeOffset.MinValue);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} failed: HTTP {Status} {ErrorCode} (blob '{Blob}')")]
        public static partial void RequestFailed(ILogger logger, string operation, string container, string blob, int status, string errorCode);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} could not reach {Host}: {Reason}")]
        public static partial void Unreachable(ILogger logger, string operation, string container, string host, string reason);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Blob storage {Operation} on container {Container} timed out talking to {Host}")]
        public static partial void TimedOut(ILogger logger, string operation, string container, string host);
    }
}
