// Spec: Microsoft Learn, "Configure Azure Storage connection strings"; "Authorize access to blobs using Microsoft Entra ID".
using Microsoft.Extensions.Options;

namespace VarBot.Storage;

/// <summary>Configuration section "Storage": either a connection string (Shared Key) or a service URI used with a token credential.</summary>
public sealed class BlobStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"UseDevelopmentStorage=true", or "DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...[;EndpointSuffix=...|;BlobEndpoint=...]".</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint, e.g. https://account.blob.core.windows.net, used with the registered TokenCredential.</summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = "varbot";

    /// <summary>Timeout of one HTTP request to the service.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

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

        if (hasConnectionString)
        {
            try
            {
                StorageConnectionString.Parse(options.ConnectionString!);
            }
            catch (FormatException ex)
            {
                failures.Add("Storage:ConnectionString: " + ex.Message);
            }
        }

        if (options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Storage:ServiceUri must be an absolute http(s) URI.");
        }

        if (!BlobContainerName.IsValid(options.Container))
        {
            failures.Add($"Storage:Container '{options.Container}' is not a valid container name (3-63 lowercase letters, digits, hyphens).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("Storage:Timeout must be between 0 and 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
