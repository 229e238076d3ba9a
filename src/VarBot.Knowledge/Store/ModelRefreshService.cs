using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VarBot.Knowledge.Store;

/// <summary>Loads the model at start and then polls for a new one (hot reload), every <see cref="ModelStoreOptions.RefreshInterval"/>.</summary>
internal sealed class ModelRefreshService(
    RefreshableModelSource source,
    IOptions<ModelStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<ModelRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        KnowledgeLog.Started(logger, source.Health.Source, interval);
        using var timer = new PeriodicTimer(interval, timeProvider);
        do
        {
            try
            {
                await source.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // RefreshAsync handles storage and content errors; anything else is a bug, but polling must go on.
                KnowledgeLog.Unexpected(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
