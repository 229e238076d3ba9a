using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;

namespace VarBot.Newsletter.Hosting;

/// <summary>
/// At host start: creates the subscriber table and moves subscriber blobs from before the table into it
/// (<see cref="SubscriberStore.MigrateFromBlobsAsync"/>), in the background. Every subscriber operation waits for that
/// same preparation, so nothing reads or writes the table before the move is done. When storage is down the host runs on
/// (answers come from the model) and the store tries again before its next operation.
/// </summary>
internal sealed class SubscriberStorePreparation(SubscriberStore store, ILogger<SubscriberStorePreparation> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = PrepareAsync();
        return Task.CompletedTask;
    }

    private async Task PrepareAsync()
    {
        try
        {
            await store.EnsureReadyAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is BlobStorageException or FormatException or InvalidOperationException)
        {
            // Storage down or not set up for tables: logged; every subscriber operation tries again (and fails loudly).
            logger.SubscriberStoreNotReady(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
