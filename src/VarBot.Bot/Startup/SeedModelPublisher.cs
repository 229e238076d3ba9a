using Microsoft.Extensions.Options;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Store;
using VarBot.Protocol;
using VarBot.Storage;

namespace VarBot.Bot.Startup;

/// <summary>
/// A newcomer's first run: when storage holds no current model, import seeds/ and publish it before the host serves,
/// so the bot answers at once. Only on local defaults (no app id, Azurite), unless VarBot:PublishSeedsWhenEmpty says otherwise.
/// Registered before the model store's refresh service, so the first load finds the model.
/// </summary>
internal sealed class SeedModelPublisher(
    IOptions<VarBotOptions> options,
    IOptions<BotOptions> botOptions,
    IOptions<BlobStorageOptions> storageOptions,
    IBlobContainer container,
    ModelRepository repository,
    ModelPublisher publisher,
    IKnowledgeModelSource source,
    IHostEnvironment environment,
    ILogger<SeedModelPublisher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ShouldPublish())
        {
            return;
        }

        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            if (await repository.GetPointerAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            var seeds = SeedsPath();
            logger.PublishingSeeds(seeds);
            var import = KnowledgeImporter.Import(seeds);
            if (import.HasErrors)
            {
                throw new InvalidOperationException($"The seeds in {seeds} do not validate; run 'varbot import' to see why.");
            }

            var published = await publisher.PublishAsync(import.Model, cancellationToken).ConfigureAwait(false);
            logger.SeedsPublished(published.Version);
            if (source is RefreshableModelSource refreshable)
            {
                await refreshable.RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The host still starts: /readyz stays unhealthy and says why, and a later publish is picked up.
            logger.SeedPublishFailed(exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool ShouldPublish() => options.Value.PublishSeedsWhenEmpty ?? (
        !botOptions.Value.IsAuthenticationEnabled
        && string.Equals(storageOptions.Value.ConnectionString?.Trim().TrimEnd(';'), Extensions.DevelopmentStorage, StringComparison.OrdinalIgnoreCase));

    private string SeedsPath()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SeedsPath))
        {
            return Path.GetFullPath(options.Value.SeedsPath, environment.ContentRootPath);
        }

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(Path.Combine(seeds, "jaarverslagen")))
                {
                    return seeds;
                }
            }
        }

        throw new DirectoryNotFoundException("No seeds/ folder found above " + environment.ContentRootPath + "; set VarBot:SeedsPath.");
    }
}
