using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>
/// Writes conversation state behind the answers. A conversation is queued once however many turns it takes while
/// waiting, and its newest state is what gets written (coalescing). Writes of one conversation start at least
/// <see cref="ConversationOptions.WriteInterval"/> apart (timed by the host's <see cref="TimeProvider"/>): the first
/// change after a quiet spell goes at once, the turns of a busy conversation share one write per interval. So the
/// context of a turn is in storage within the write-behind window, WriteInterval plus one write (≤ 50 ms with the
/// default 25 ms while storage answers within 25 ms). A write that loses an ETag race to another host reads theirs,
/// merges (<see cref="ConversationState.Merge"/>) and writes again; nothing is dropped silently. A clean shutdown
/// writes everything pending at once (no interval) and waits for it.
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

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentWrites);

    /// <summary>Cancelled when the host stops: writes waiting for their interval go at once (never disposed: a host may be
    /// stopped after it was disposed, and a token source without a timer holds nothing to free).</summary>
    private readonly CancellationTokenSource _flushing = new();

    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Conversations being written (each until it has nothing left to write), plus one for the queue's reader.</summary>
    private int _running = 1;

    /// <summary>Queues a conversation whose <see cref="ConversationEntry.Queued"/> the caller has just set.</summary>
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
        await _flushing.CancelAsync().ConfigureAwait(false);
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
        // Not the stopping token: StopAsync completes the queue, and what is in it still gets written.
        await foreach (var entry in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _running);
            _ = WriteBehindAsync(entry);
        }

        Finished();
        await _drained.Task.ConfigureAwait(false);
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Writes the conversation, waiting for its interval first, until storage holds its newest state.</summary>
    private async Task WriteBehindAsync(ConversationEntry entry)
    {
        try
        {
            bool again;
            do
            {
                var wait = UntilDue(entry);
                if (wait > TimeSpan.Zero && !_flushing.IsCancellationRequested)
                {
                    await Task.Delay(wait, timeProvider, _flushing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    again = await WriteAsync(entry).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            while (again);
        }
        catch (Exception exception)
        {
            // Not expected (storage errors are handled in WriteAsync); memory keeps the state, the next turn queues it again.
            throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, exception.GetType().Name, suppressed));
            lock (entry.Sync)
            {
                entry.Queued = false;
            }
        }
        finally
        {
            Finished();
        }
    }

    /// <summary>How long until this conversation may be written again: WriteInterval after its previous write started.</summary>
    private TimeSpan UntilDue(ConversationEntry entry)
    {
        lock (entry.Sync)
        {
            return entry.Written ? options.Value.WriteInterval - timeProvider.GetElapsedTime(entry.WriteStartedAt) : TimeSpan.Zero;
        }
    }

    /// <summary>One write of the newest state (with the merges a lost race costs); true when there is more to write.</summary>
    private async Task<bool> WriteAsync(ConversationEntry entry)
    {
        for (var attempt = 0; ; attempt++)
        {
            ConversationState state;
            long version;
            string? etag;
            lock (entry.Sync)
            {
                (state, version, etag) = (entry.State, entry.Version, entry.ETag);
                entry.WriteStartedAt = timeProvider.GetTimestamp();
                entry.Written = true;
            }

            try
            {
                using var timeout = new CancellationTokenSource(options.Value.WriteTimeout);
                var written = await blobs.WriteAsync(entry.ConversationId, state, etag, timeout.Token).ConfigureAwait(false);
                lock (entry.Sync)
                {
                    entry.ETag = written;
                    entry.StoredVersion = version;
                    entry.Synced = true;
                    entry.SyncedAt = timeProvider.GetTimestamp();
                    // Turns that completed during the write: keep the conversation queued and write again.
                    entry.Queued = entry.Version > version;
                    return entry.Queued;
                }
            }
            catch (BlobConditionFailedException)
            {
                throttle.Warn("conversation-race", suppressed => BotLog.ConversationWriteRace(logger, suppressed));
                // Two hosts writing one conversation in step: back off a random few milliseconds (wall clock) so one wins.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 20 * (attempt + 1)))).ConfigureAwait(false);
                if (!await MergeStoredAsync(entry).ConfigureAwait(false))
                {
                    return false;
                }

                if (attempt >= MaxRaceRetries)
                {
                    // Still racing: try again after the interval with the merged state rather than drop the turn.
                    return true;
                }
            }
            catch (Exception exception) when (exception is BlobStorageException or OperationCanceledException)
            {
                // Memory keeps the state; the conversation's next turn queues it again.
                throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, exception.GetType().Name, suppressed));
                lock (entry.Sync)
                {
                    entry.Queued = false;
                }

                return false;
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
