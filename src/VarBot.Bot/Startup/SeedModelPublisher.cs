using Microsoft.Extensions.Options;
using VarBot.Knowledge.Import;
using VarBot.Knowledge.Store;
using VarBot.Protocol;
using VarBot.Storage;

namespace VarBot.Bot.Startup;

/// <summary>
/// A newcomer's first run: when storage holds no current model, import seeds/ and publish it before the host serves,
/// so the bot answers at once. Only on local defaults (no app id, Azurite), unless VarBot:PublishSeedsWhenEmpty says otherwise.
/// Registered before the model store's refresh service, so the first load finds the model. When storage cannot be
/// reached at start (Azurite still starting), the host starts anyway and the publish is retried in the background.
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
    TimeProvider timeProvider,
    ILogger<SeedModelPublisher> logger) : IHostedService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    // Not disposed: it has no timer, and a host may stop its services after disposing the container (WebApplicationFactory).
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ShouldPublish() && !await TryPublishAsync(firstAttempt: true, cancellationToken).ConfigureAwait(false))
        {
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            await Task.Delay(RetryInterval, timeProvider, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stopping.IsCancellationRequested || await TryPublishAsync(firstAttempt: false, stopping).ConfigureAwait(false))
            {
                return;
            }

            logger.SeedPublishRetrying(attempt, RetryInterval.TotalSeconds);
        }
    }

    /// <summary>True when there is nothing more to do (published, already there, or seeds that no retry can fix).</summary>
    private async Task<bool> TryPublishAsync(bool firstAttempt, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            if (await repository.GetPointerAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
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

            return true;
        }
        catch (BlobStorageException exception) when (firstAttempt)
        {
            // Storage not reachable yet: the host starts (/readyz says why) and the publish is retried in the background.
            logger.SeedPublishFailed(exception);
            return false;
        }
        catch (BlobStorageException)
        {
            return false; // a retry: logged once per attempt by RetryAsync, without the stack trace
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Seeds that do not import: no retry helps. /readyz stays unhealthy and a later publish is picked up.
            logger.SeedPublishFailed(exception);
            return true;
        }
    }

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
