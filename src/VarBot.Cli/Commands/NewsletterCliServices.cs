using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VarBot.Cli.Hosting;
using VarBot.Knowledge.Model;
using VarBot.Knowledge.Store;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// The newsletter services for a CLI run, configured like the bot host: an optional appsettings.json, then the run's
/// environment variables (<see cref="CliEnvironment"/>, the process's own when run as varbot) (Newsletter__SigningKey, Newsletter__Smtp__Host, Storage__ConnectionString, ...). The VARBOT_ prefix that
/// <c>varbot publish</c> reads works too: VARBOT_STORAGE__CONNECTIONSTRING and VARBOT_STORAGE__CONTAINER. The storage
/// options of the command line (<see cref="CliStorage"/>) come last and win. Log lines go to the run's output.
/// </summary>
internal static class NewsletterCliServices
{
    public static IConfiguration Configuration(CliEnvironment environment, IEnumerable<KeyValuePair<string, string?>> storageOptions) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(environment.CurrentDirectory, "appsettings.json"), optional: true)
        .AddCliEnvironment(environment)
        .AddCliEnvironment(environment, "VARBOT_")
        .AddInMemoryCollection(storageOptions)
        .Build();

    private static bool HasStorage(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Storage:ConnectionString"]) || !string.IsNullOrWhiteSpace(configuration["Storage:ServiceUri"]);

    /// <summary>
    /// The services, with the blob container created if it does not exist yet (a fresh account works at once);
    /// null after a Dutch message when configuration is wrong or storage is unreachable.
    /// </summary>
    public static async Task<ServiceProvider?> BuildAsync(
        CliEnvironment environment, IEnumerable<KeyValuePair<string, string?>> storageOptions, bool needStorage = true, CancellationToken cancellationToken = default)
    {
        var services = Build(Configuration(environment, storageOptions), environment, needStorage);
        if (services is null || !HasStorage(services))
        {
            return services;
        }

        try
        {
            await services.GetRequiredService<IBlobContainer>().CreateIfNotExistsAsync(cancellationToken);
            return services;
        }
        catch (BlobStorageException ex)
        {
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.StorageRefused(Markup.Escape(Reason(ex))));
        }
        catch (Exception ex) when (ex is FormatException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            // The message could echo parts of the connection string: never print it.
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.StorageSettingsWrong);
        }

        await services.DisposeAsync();
        return null;
    }

    /// <summary>Whether the services were configured with storage (else the newsletter works from files only).</summary>
    public static bool HasStorage(IServiceProvider services) => HasStorage(services.GetRequiredService<IConfiguration>());

    private static ServiceProvider? Build(IConfiguration configuration, CliEnvironment environment, bool needStorage)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // Warnings by default; Logging__LogLevel__Default=Information (or Trace) shows more, e.g. to audit what a send logs.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConfiguration(configuration.GetSection("Logging")).AddCliEnvironment(environment));
        if (HasStorage(configuration))
        {
            services.AddBlobStorage();
        }
        else if (needStorage)
        {
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.NoStorage);
            return null;
        }
        else
        {
            services.AddSingleton<IBlobContainer>(_ => throw new InvalidOperationException("No storage configured."));
        }

        if (!EnsureSigningKey(configuration, environment))
        {
            return null;
        }

        services.AddNewsletter(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            // Options are validated when first read: read them now, so a wrong setting is a Dutch message, not a crash later.
            _ = provider.GetRequiredService<VarBot.Newsletter.NewsletterOptions>();
            return provider;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.SettingsWrong(Markup.Escape(string.Join(" ", ex.Failures))));
            provider.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Links in mails are signed with Newsletter:SigningKey. On a developer's machine (DOTNET_ENVIRONMENT=Development, or
    /// no environment set and no storage or the local emulator configured) a key is made up for this run when none is
    /// set, so a fresh clone can preview at once. Elsewhere a missing key is a Dutch message naming the setting.
    /// </summary>
    private static bool EnsureSigningKey(IConfiguration configuration, CliEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Newsletter:SigningKey"]))
        {
            return true;
        }

        var name = environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        var storage = configuration["Storage:ConnectionString"]?.Trim().TrimEnd(';');
        var local = string.IsNullOrWhiteSpace(configuration["Storage:ServiceUri"])
            && (string.IsNullOrWhiteSpace(storage) || string.Equals(storage, "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));
        if (string.Equals(name, "Development", StringComparison.OrdinalIgnoreCase) || (name is null && local))
        {
            configuration["Newsletter:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            return true;
        }

        environment.Console.MarkupLine(CliTexts.NewsletterSetup.SigningKeyMissing);
        return false;
    }

    /// <summary>
    /// The model to compose from: --model FILE; else --seeds imported; else, with storage configured, the published
    /// model (models/current.json); else the seeds folder found from the current directory. Null after a Dutch message.
    /// </summary>
    public static async Task<KnowledgeModel?> LoadModelAsync(
        string? modelFile, string? seedsOption, IServiceProvider services, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            if (modelFile is not null)
            {
                return ModelJson.Deserialize(await File.ReadAllBytesAsync(Path.GetFullPath(modelFile, environment.CurrentDirectory), cancellationToken));
            }

            if (seedsOption is null && HasStorage(services))
            {
                var container = services.GetRequiredService<IBlobContainer>();
                if (await new ModelRepository(container).LoadCurrentAsync(cancellationToken) is { } published)
                {
                    environment.Console.MarkupLine(CliTexts.NewsletterSetup.ModelFromStorage(Markup.Escape(published.Model.Version), Markup.Escape(container.Name)));
                    return published.Model;
                }

                environment.Console.MarkupLine(CliTexts.NewsletterSetup.NoPublishedModel(Markup.Escape(container.Name)));
            }

            var result = SeedsLocation.Load(seedsOption, environment)?.Result;
            if (result is { HasErrors: true })
            {
                environment.Console.MarkupLine(CliTexts.NewsletterSetup.SeedsHaveIssues(IssuePrinter.Counts(result.Issues)));
            }

            return result?.Model;
        }
        catch (BlobStorageException ex)
        {
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.ModelUnreadable(Markup.Escape(Reason(ex))));
            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidModelException or UnauthorizedAccessException)
        {
            environment.Console.MarkupLine(CliTexts.NewsletterSetup.ModelNotLoaded(Markup.Escape(ex.Message)));
            return null;
        }
    }

    private static string Reason(BlobStorageException exception) =>
        exception.Status is { } status ? $"HTTP {status}" : CliTexts.Storage.NoConnectionReason;
}
