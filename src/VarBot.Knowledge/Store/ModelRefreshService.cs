using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VarBot.Knowledge.Store;

/// <summary>Loads the model at start and then polls for a new one (hot reload), every <see cref="ModelStoreOptions.RefreshInterval"/>.</summary>
internal sealed partial class ModelRefreshService(
    RefreshableModelSource source,
    IOptions<ModelStoreOptions> options,
    TimeProvider timeProvider,
    ILogger<ModelRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        Log.Started(logger, source.Health.Source, interval);
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
                Log.Unexpected(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Polling {Source} for new knowledge models every {Interval}")]
        public static partial void Started(ILogger logger, string source, TimeSpan interval);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Unexpected failure while refreshing the knowledge model")]
        public static partial void Unexpected(ILogger logger, Exception exception);
    }
}
