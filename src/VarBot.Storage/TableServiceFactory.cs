// Spec: Microsoft Learn, "Azure Tables client library for .NET"; "Authorize access to tables using Microsoft Entra ID".
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace VarBot.Storage;

/// <summary>
/// Implemented by the containers <see cref="BlobContainerFactory"/> makes: the Table service of the same storage account,
/// reached with the same connection string or token credential (newsletter subscribers live in a table there).
/// </summary>
public interface ITableServiceSource
{
    TableServiceClient TableService { get; }
}

/// <summary>Creates <see cref="TableServiceClient"/> instances from the "Storage" options, with the blob client's retry and timeout settings.</summary>
public static class TableServiceFactory
{
    /// <summary>The Table service of the account <paramref name="connectionString"/> names (Azurite: UseDevelopmentStorage=true, port 10002).</summary>
    public static TableServiceClient Create(string connectionString, HttpClient? httpClient = null) =>
        Create(new BlobStorageOptions { ConnectionString = connectionString }, null, httpClient);

    /// <summary>The Table service at <paramref name="tableServiceUri"/> with tokens from <paramref name="credential"/>.</summary>
    public static TableServiceClient Create(Uri tableServiceUri, TokenCredential credential, HttpClient? httpClient = null) =>
        new(tableServiceUri, credential, ClientOptions(new BlobStorageOptions(), httpClient));

    internal static TableServiceClient Create(BlobStorageOptions options, TokenCredential? credential, HttpClient? httpClient)
    {
        var clientOptions = ClientOptions(options, httpClient);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return new TableServiceClient(WithTableEndpoint(options.ConnectionString), clientOptions);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
            {
                // The connection string is never repeated: it holds the account key.
                throw new FormatException("The storage connection string does not name a table endpoint: use UseDevelopmentStorage=true, AccountName and AccountKey with EndpointSuffix, or add TableEndpoint.");
            }
        }

        var uri = TableUri(options) ?? throw new ArgumentException("Set Storage:TableServiceUri (or a '.blob.' Storage:ServiceUri to derive it from).", nameof(options));
        return new TableServiceClient(uri, credential ?? throw new ArgumentNullException(nameof(credential)), clientOptions);
    }

    /// <summary>
    /// A connection string that names a BlobEndpoint but no TableEndpoint would send table calls to the public
    /// account.table.core.windows.net. Such a string gets a TableEndpoint derived from its BlobEndpoint: the host label
    /// "blob" becomes "table"; a loopback blob endpoint on port P (Azurite) gets port P + 2 (Azurite's 10000 and 10002).
    /// </summary>
    internal static string WithTableEndpoint(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (parts.ContainsKey("TableEndpoint") || !parts.TryGetValue("BlobEndpoint", out var blob) || !Uri.TryCreate(blob, UriKind.Absolute, out var blobUri))
        {
            return connectionString;
        }

        Uri table;
        var labels = blobUri.Host.Split('.');
        if (Array.IndexOf(labels, "blob") is var index and > 0)
        {
            labels[index] = "table";
            table = new UriBuilder(blobUri) { Host = string.Join('.', labels) }.Uri;
        }
        else if (blobUri.IsLoopback && !blobUri.IsDefaultPort && blobUri.Port < 65534)
        {
            table = new UriBuilder(blobUri) { Port = blobUri.Port + 2 }.Uri;
        }
        else
        {
            throw new FormatException("The storage connection string names a BlobEndpoint but no TableEndpoint: add TableEndpoint (subscribers live in Table storage).");
        }

        return connectionString.TrimEnd(';', ' ') + ";TableEndpoint=" + table.ToString().TrimEnd('/') + ";";
    }

    /// <summary><see cref="BlobStorageOptions.TableServiceUri"/>, else the service URI with its "blob" host label replaced by "table"; null when neither works.</summary>
    public static Uri? TableUri(BlobStorageOptions options)
    {
        if (options.TableServiceUri is { } explicitUri)
        {
            return explicitUri.IsAbsoluteUri && (explicitUri.Scheme == Uri.UriSchemeHttps || explicitUri.Scheme == Uri.UriSchemeHttp) ? explicitUri : null;
        }

        if (options.ServiceUri is not { IsAbsoluteUri: true } blob)
        {
            return null;
        }

        var labels = blob.Host.Split('.');
        var index = Array.IndexOf(labels, "blob");
        if (index <= 0)
        {
            return null;
        }

        labels[index] = "table";
        return new UriBuilder(blob) { Host = string.Join('.', labels) }.Uri;
    }

    /// <summary>True for a valid table name: 3-63 letters and digits, starting with a letter.</summary>
    public static bool IsValidTableName(string name) =>
        name.Length is >= 3 and <= 63 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// The seam's exception for a failed table call (as for blobs: no SDK message, which can quote the string-to-sign).
    /// The caller's own cancellation is not a failure: use <see cref="IsStorageFailure"/> in the catch filter.
    /// </summary>
    public static BlobStorageException Translate(Exception exception, string operation, string table, ILogger logger)
    {
        var target = $"table '{table}'";
        switch (exception)
        {
            case RequestFailedException { Status: var status } failed when status != 0:
                var errorCode = failed.ErrorCode;
                StorageLog.RequestFailed(logger, operation, table, "", status, errorCode ?? "");
                var code = errorCode is null ? "" : ", " + errorCode;
                return new BlobStorageException(
                    status switch
                    {
                        403 => $"Table storage refused {operation} on {target} (HTTP 403{code}): check the account key, or the identity's role (Storage Table Data Contributor).",
                        >= 500 => $"Table storage failed on {operation} for {target} (HTTP {status}{code}); try again later.",
                        _ => $"Table storage answered {operation} for {target} with HTTP {status}{code}.",
                    },
                    status,
                    errorCode);
            case AuthenticationFailedException:
                StorageLog.CredentialFailed(logger, operation, table, exception.GetType().Name);
                return new BlobStorageException($"Could not get an Entra ID token for table storage ({operation} on {target}): check the managed identity or 'az login'.");
            case OperationCanceledException:
                StorageLog.TimedOut(logger, operation, table, "table service");
                return new BlobStorageException($"Table storage did not answer in time ({operation} on {target}).");
            default:
                var reason = exception.InnerException?.Message ?? exception.GetType().Name;
                StorageLog.Unreachable(logger, operation, table, "table service", reason);
                return new BlobStorageException($"Table storage is unreachable ({operation} on {target}): {reason}");
        }
    }

    /// <summary>Everything but the caller's own cancellation (that one stays an <see cref="OperationCanceledException"/>) and the seam's own exceptions.</summary>
    public static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not BlobStorageException and not BlobConditionFailedException
        && (exception is RequestFailedException or AuthenticationFailedException or HttpRequestException or IOException
            // The SDK's retry policy throws an AggregateException of the tries when every one failed without a response.
            or AggregateException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested));

    private static TableClientOptions ClientOptions(BlobStorageOptions options, HttpClient? httpClient)
    {
        var clientOptions = new TableClientOptions
        {
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = options.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                NetworkTimeout = options.Timeout,
            },
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientTransport(httpClient);
        }

        return clientOptions;
    }
}
