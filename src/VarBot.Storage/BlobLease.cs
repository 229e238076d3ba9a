using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace VarBot.Storage;

/// <summary>A held lease that renews itself at a third of its duration until disposed (then released).</summary>
internal sealed class BlobLease : IBlobLease
{
    private readonly BlobLeaseClient _client;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public BlobLease(BlobLeaseClient client, string blobName, TimeSpan duration, TimeProvider timeProvider, ILogger logger)
    {
        _client = client;
        _logger = logger;
        BlobName = blobName;
        _renewing = RenewUntilStoppedAsync(duration / 3, timeProvider);
    }

    public string BlobName { get; }

    public CancellationToken Lost => _lost.Token;

    public async Task RenewAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            StorageLog.LeaseLost(_logger, BlobName, exception.GetType().Name);
            await _lost.CancelAsync().ConfigureAwait(false);
            throw new BlobStorageException($"The lease on blob '{BlobName}' could not be renewed; another holder may take it.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                await _client.ReleaseAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
            {
                // It expires by itself within its duration.
                StorageLog.LeaseReleaseFailed(_logger, BlobName, exception.GetType().Name);
            }
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewUntilStoppedAsync(TimeSpan period, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await RenewAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: release follows.
        }
        catch (BlobStorageException)
        {
            // Lost is cancelled and logged; the holder stops.
        }
    }
}
