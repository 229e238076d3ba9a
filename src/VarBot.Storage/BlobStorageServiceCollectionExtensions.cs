using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VarBot.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>The named HttpClient the SDK sends through (logging with the Authorization header redacted).</summary>
    public const string HttpClientName = "VarBot.Storage";

    /// <summary>
    /// Registers <see cref="IBlobContainer"/> from the "Storage" configuration section, validated when the host starts, and
    /// the <see cref="Azure.Data.Tables.TableServiceClient"/> of the same account (same connection string or credential).
    /// With ServiceUri, tokens come from <paramref name="credential"/>, else a registered <see cref="TokenCredential"/>,
    /// else <see cref="DefaultAzureCredential"/> (managed identity in Azure, 'az login' on a workstation).
    /// </summary>
    public static IServiceCollection AddBlobStorage(this IServiceCollection services, TokenCredential? credential = null)
    {
        services.AddOptions<BlobStorageOptions>()
            .BindConfiguration(BlobStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BlobStorageOptions>, BlobStorageOptionsValidator>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the SDK times each try
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<IBlobContainer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value;
            var tokenCredential = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? credential ?? provider.GetService<TokenCredential>() ?? new DefaultAzureCredential()
                : null;
            return BlobContainerFactory.Create(
                options,
                tokenCredential,
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("VarBot.Storage.BlobContainer"),
                provider.GetService<TimeProvider>());
        });
        // The Table service of the same account and credential (newsletter subscribers), made on first use.
        services.AddSingleton(provider => provider.GetRequiredService<IBlobContainer>() is ITableServiceSource source
            ? source.TableService
            : TableServiceFactory.Create(
                provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value,
                string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<BlobStorageOptions>>().Value.ConnectionString)
                    ? credential ?? provider.GetService<TokenCredential>() ?? new DefaultAzureCredential()
                    : null,
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        return services;
    }
}
