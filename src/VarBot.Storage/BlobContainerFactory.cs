using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VarBot.Storage;

/// <summary>Creates <see cref="IBlobContainer"/> instances over the Azure SDK: from DI (<see cref="BlobStorageServiceCollectionExtensions"/>) or directly (CLI, tests, benchmarks).</summary>
public static class BlobContainerFactory
{
    /// <summary>A container reached with <paramref name="connectionString"/> (an account key, or Azurite's UseDevelopmentStorage=true).</summary>
    /// <exception cref="FormatException">The connection string is not valid; the message never repeats it.</exception>
    public static IBlobContainer Create(string connectionString, string containerName, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? timeProvider = null) =>
        Create(new BlobStorageOptions { ConnectionString = connectionString, Container = containerName }, null, httpClient, logger, timeProvider);

    /// <summary>A container reached at <paramref name="serviceUri"/> with tokens from <paramref name="credential"/> (e.g. a managed identity).</summary>
    public static IBlobContainer Create(Uri serviceUri, TokenCredential credential, string containerName, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return Create(new BlobStorageOptions { ServiceUri = serviceUri, Container = containerName }, credential, httpClient, logger, timeProvider);
    }

    internal static AzureBlobContainer Create(BlobStorageOptions options, TokenCredential? credential, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        if (!BlobContainerName.IsValid(options.Container))
        {
            throw new ArgumentException(
                $"'{options.Container}' is not a valid container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(options));
        }

        var clientOptions = new BlobClientOptions
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

        BlobServiceClient service;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (!BlobStorageOptionsValidator.IsParsable(options.ConnectionString))
            {
                throw new FormatException("The storage connection string is not valid: use UseDevelopmentStorage=true, or AccountName and AccountKey with EndpointSuffix or BlobEndpoint.");
            }

            service = new BlobServiceClient(options.ConnectionString, clientOptions);
        }
        else
        {
            var uri = options.ServiceUri ?? throw new ArgumentException("Set a connection string or a service URI.", nameof(options));
            service = new BlobServiceClient(uri, credential ?? throw new ArgumentNullException(nameof(credential)), clientOptions);
        }

        return new AzureBlobContainer(service.GetBlobContainerClient(options.Container), timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance)
            .WithTableService(() => TableServiceFactory.Create(options, credential, httpClient));
    }
}
