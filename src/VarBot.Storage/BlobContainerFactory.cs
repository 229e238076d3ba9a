// Spec: Microsoft Learn, "Blob service REST API"; "Authorize with Shared Key".
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VarBot.Storage;

/// <summary>Creates <see cref="IBlobContainer"/> instances without dependency injection (CLI, tests, benchmarks).</summary>
public static class BlobContainerFactory
{
    /// <summary>Shared by every container made here without a caller-supplied client; recycles connections so DNS changes are seen.</summary>
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    });

    /// <summary>A container authorized with the account key from <paramref name="connectionString"/>.</summary>
    /// <exception cref="FormatException">The connection string is incomplete; the message never repeats it.</exception>
    public static IBlobContainer Create(string connectionString, string containerName, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return Create(parsed, containerName, () => httpClient ?? SharedClient.Value, logger, timeProvider);
    }

    /// <summary>A container authorized with bearer tokens from <paramref name="credential"/> (e.g. DefaultAzureCredential).</summary>
    public static IBlobContainer Create(Uri serviceUri, TokenCredential credential, string containerName, HttpClient? httpClient = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        var time = timeProvider ?? TimeProvider.System;
        return new RestBlobContainer(
            serviceUri,
            containerName,
            () => httpClient ?? SharedClient.Value,
            new BearerTokenAuthorizer(credential, time),
            time,
            logger ?? NullLogger.Instance);
    }

    internal static RestBlobContainer Create(StorageConnectionString connection, string containerName, Func<HttpClient> httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        var time = timeProvider ?? TimeProvider.System;
        return new RestBlobContainer(
            connection.BlobEndpoint,
            containerName,
            httpClient,
            new SharedKeyAuthorizer(connection.AccountName, connection.AccountKey),
            time,
            logger ?? NullLogger.Instance);
    }
}
