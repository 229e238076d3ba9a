using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Model;
using VarBot.Newsletter.Hosting;
using VarBot.Storage;

namespace VarBot.Cli.Commands;

/// <summary>
/// The newsletter services for a CLI run, configured like the bot host: environment variables
/// (Newsletter__SigningKey, Newsletter__Smtp__Host, Storage__ConnectionString, ...) and an optional appsettings.json.
/// </summary>
internal static class NewsletterCliServices
{
    public static ServiceProvider? Build(CliEnvironment environment, bool needStorage = true)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        var storage = configuration.GetSection("Storage");
        var hasStorage = !string.IsNullOrWhiteSpace(storage["ConnectionString"]) || !string.IsNullOrWhiteSpace(storage["ServiceUri"]);
        if (hasStorage)
        {
            services.AddBlobStorage(storage, new Azure.Identity.DefaultAzureCredential());
        }
        else if (needStorage)
        {
            environment.Console.MarkupLine("[red]Geen opslag ingesteld.[/] Zet Storage__ConnectionString (bijvoorbeeld 'UseDevelopmentStorage=true') of Storage__ServiceUri.");
            return null;
        }
        else
        {
            services.AddSingleton<IBlobContainer>(_ => throw new InvalidOperationException("No storage configured."));
        }

        try
        {
            services.AddNewsletter(configuration);
        }
        catch (InvalidOperationException ex)
        {
            environment.Console.MarkupLine($"[red]De nieuwsbrief-instellingen kloppen niet:[/] {Markup.Escape(ex.Message)}");
            return null;
        }

        return services.BuildServiceProvider();
    }

    public static bool HasStorage() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Storage__ConnectionString"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Storage__ServiceUri"));

    /// <summary>The model from --model FILE, or imported from the seeds; null after a Dutch message.</summary>
    public static KnowledgeModel? LoadModel(string? modelFile, string? seedsOption, CliEnvironment environment)
    {
        try
        {
            if (modelFile is not null)
            {
                return ModelJson.Deserialize(File.ReadAllBytes(Path.GetFullPath(modelFile, environment.CurrentDirectory)));
            }

            var seeds = SeedsLocation.Resolve(seedsOption, environment);
            return seeds is null ? null : KnowledgeImporter.Import(seeds).Model;
        }
        catch (Exception ex) when (ex is IOException or InvalidModelException or NotImplementedException or UnauthorizedAccessException)
        {
            environment.Console.MarkupLine($"[red]Het kennismodel kon niet worden geladen:[/] {Markup.Escape(ex.Message)}");
            return null;
        }
    }
}
