using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>
/// Writes conversation state behind the answers. A conversation is queued once however many turns it takes while
/// waiting, and its newest state is what gets written (coalescing). A write starts as soon as a slot is free, so the
/// context of a turn is in storage within the write-behind window (≤ 50 ms while storage answers in time). A write
/// that loses an ETag race to another host reads theirs, merges (<see cref="ConversationState.Merge"/>) and writes
/// again; nothing is dropped silently. A clean shutdown flushes the queue.
/// </summary>
internal sealed class ConversationWriter(
    ConversationBlobs blobs,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    LogThrottle throttle,
    ILogger<ConversationWriter> logger) : BackgroundService
{
    private const int MaxRaceRetries = 4;

    private readonly Channel<ConversationEntry> _queue = Channel.CreateUnbounded<ConversationEntry>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(ConversationEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            // Shutting down and already flushed: the turn's context is lost, as after a crash.
            lock (entry.Sync)
            {
                entry.Queued = false;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(options.Value.FlushTimeout);
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(flush.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var slots = new SemaphoreSlim(options.Value.MaxConcurrentWrites);
        var writing = new List<Task>();
        // Not the stopping token: StopAsync completes the queue, and what is in it still gets written.
        await foreach (var entry in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            writing.RemoveAll(t => t.IsCompleted);
            writing.Add(WriteAsync(entry).ContinueWith(_ => slots.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(writing).ConfigureAwait(false);
    }

    private async Task WriteAsync(ConversationEntry entry)
    {
        for (var attempt = 0; ; attempt++)
        {
            ConversationState state;
            long version;
            string? etag;
            lock (entry.Sync)
            {
                (state, version, etag) = (entry.State, entry.Version, entry.ETag);
            }

            try
            {
                using var timeout = new CancellationTokenSource(options.Value.WriteTimeout);
                var written = await blobs.WriteAsync(entry.ConversationId, state, etag, timeout.Token).ConfigureAwait(false);
                bool again;
                lock (entry.Sync)
                {
                    entry.ETag = written;
                    entry.StoredVersion = version;
                    entry.Synced = true;
                    entry.SyncedAt = timeProvider.GetTimestamp();
                    again = entry.Version > version;
                    entry.Queued = again;
                }

                if (again)
                {
                    Enqueue(entry);
                }

                return;
            }
            catch (BlobConditionFailedException) when (attempt < MaxRaceRetries)
            {
                throttle.Warn("conversation-race", suppressed => BotLog.ConversationWriteRace(logger, suppressed));
                if (!await MergeStoredAsync(entry).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is BlobStorageException or BlobConditionFailedException or OperationCanceledException)
            {
                // Memory keeps the state; the conversation's next turn queues it again.
                throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, exception.GetType().Name, suppressed));
                lock (entry.Sync)
                {
                    entry.Queued = false;
                }

                return;
            }
        }
    }

    /// <summary>Takes in what another host wrote; false when storage could not be read (the write is given up, logged).</summary>
    private async Task<bool> MergeStoredAsync(ConversationEntry entry)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.WriteTimeout);
            var (stored, etag) = await blobs.ReadAsync(entry.ConversationId, timeout.Token).ConfigureAwait(false);
            lock (entry.Sync)
            {
                entry.State = ConversationState.Merge(entry.State, stored);
                entry.ETag = etag;
            }

            return true;
        }
        catch (Exception exception) when (exception is BlobStorageException or OperationCanceledException)
        {
            throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, exception.GetType().Name, suppressed));
            lock (entry.Sync)
            {
                entry.Queued = false;
            }

            return false;
        }
    }
}
