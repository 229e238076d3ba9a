// Spec: Microsoft Learn, "Configure Azure Storage connection strings"; "Authorize access to blobs using Microsoft Entra ID".
using System.ComponentModel.DataAnnotations;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace VarBot.Storage;

/// <summary>Configuration section "Storage": either a connection string (account key or Azurite) or a service URI used with a token credential.</summary>
public sealed class BlobStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"UseDevelopmentStorage=true", or "DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...[;EndpointSuffix=...|;BlobEndpoint=...]".</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint, e.g. https://account.blob.core.windows.net, used with a managed identity (no key stored).</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>
    /// The table service endpoint used with <see cref="ServiceUri"/> (newsletter subscribers live in Table storage of the
    /// same account). Empty: derived from <see cref="ServiceUri"/> (https://account.blob.core.windows.net becomes
    /// https://account.table.core.windows.net). With a connection string its TableEndpoint (or the account) is used.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    [Required]
    public string Container { get; set; } = "varbot";

    /// <summary>Timeout of one try of one request to the service.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed request (the SDK's exponential back-off); 0 means one try.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;
}

/// <summary>The rules a data annotation cannot say: exactly one way to connect, a parsable connection string, a valid container name.</summary>
internal sealed class BlobStorageOptionsValidator : IValidateOptions<BlobStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStorageOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.ServiceUri is not null))
        {
            failures.Add("Storage: set exactly one of ConnectionString or ServiceUri.");
        }

        if (hasConnectionString && !IsParsable(options.ConnectionString!))
        {
            // The connection string is never repeated: it holds the account key.
            failures.Add("Storage:ConnectionString is not a valid connection string: use UseDevelopmentStorage=true, or AccountName and AccountKey with EndpointSuffix or BlobEndpoint.");
        }

        if (options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Storage:ServiceUri must be an absolute http(s) URI.");
        }

        if (options.ServiceUri is { IsAbsoluteUri: true } && TableServiceFactory.TableUri(options) is null)
        {
            failures.Add("Storage:TableServiceUri must be set (an absolute http(s) URI) when Storage:ServiceUri is not a '.blob.' endpoint: subscribers live in Table storage of the same account.");
        }

        if (!BlobContainerName.IsValid(options.Container))
        {
            failures.Add($"Storage:Container '{options.Container}' is not a valid container name (3-63 lowercase letters, digits, hyphens).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsParsable(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
