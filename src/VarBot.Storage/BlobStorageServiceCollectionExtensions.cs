// Spec: Microsoft Learn, "Blob service REST API"; "Authorize with Shared Key"; "Authorize access to blobs using Microsoft Entra ID".
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VarBot.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>The named HttpClient used for blob storage.</summary>
    public const string HttpClientName = "VarBot.Storage";

    /// <summary>
    /// Registers <see cref="IBlobContainer"/> from the "Storage" section. With ServiceUri, a <see cref="TokenCredential"/>
    /// must be passed here or registered in the container (e.g. DefaultAzureCredential: the caller's choice).
    /// Options are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddBlobStorage(this IServiceCollection services, IConfiguration section, TokenCredential? credential = null)
    {
        services.AddOptions<BlobStorageOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BlobStorageOptions>, BlobStorageOptionsValidator>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value.Timeout)
            .RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<IBlobContainer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value;
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("VarBot.Storage.BlobContainer");
            var timeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            HttpClient Client() => factory.CreateClient(HttpClientName);
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return BlobContainerFactory.Create(StorageConnectionString.Parse(options.ConnectionString), options.Container, Client, logger, timeProvider);
            }

            var tokenCredential = credential ?? provider.GetService<TokenCredential>()
                ?? throw new InvalidOperationException("Storage:ServiceUri is set but no TokenCredential is registered; register one (e.g. DefaultAzureCredential) or pass it to AddBlobStorage.");
            return new RestBlobContainer(options.ServiceUri!, options.Container, Client, new BearerTokenAuthorizer(tokenCredential, timeProvider), timeProvider, logger);
        });
        return services;
    }
}
