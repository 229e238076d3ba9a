using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Storage;

namespace VarBot.Bot.Conversations;

/// <summary>
/// Conversation context for turns, answered from memory with storage off the answer's path:
/// <list type="bullet">
/// <item>Turns of one conversation take turns on this host (a per-conversation gate, at most
/// <see cref="ConversationOptions.MaxQueuedTurns"/> waiting), so the host never races itself.</item>
/// <item>Storage is read only on a cache miss: a conversation this host has not seen, or has not read or written for
/// longer than <see cref="ConversationOptions.CacheTrust"/> (so a follow-up another host answered is seen).</item>
/// <item>A finished turn's state goes to the <see cref="ConversationWriter"/>, which writes it behind the answer.</item>
/// <item>When storage fails, the turn goes on with what memory holds (empty for a new conversation); a warning is
/// logged, at most one per kind per 10 seconds.</item>
/// </list>
/// </summary>
internal sealed class ConversationStore(
    IConversationStorage storage,
    ConversationWriter writer,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    LogThrottle throttle,
    ILogger<ConversationStore> logger) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxCached });

    /// <summary>Waits for this conversation's earlier turns on this host, then gives the state to answer from.</summary>
    public async ValueTask<ConversationTurn> BeginTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        var entry = Entry(conversationId);
        if (Interlocked.Increment(ref entry.Waiting) > options.Value.MaxQueuedTurns)
        {
            Interlocked.Decrement(ref entry.Waiting);
            throttle.Warn("conversation-queue-full", suppressed => BotLog.ConversationQueueFull(logger, options.Value.MaxQueuedTurns, suppressed));
            return ConversationTurn.Detached;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref entry.Waiting);
            throw;
        }

        try
        {
            if (NeedsRead(entry))
            {
                await ReadAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            ConversationState state;
            lock (entry.Sync)
            {
                state = entry.State.IsCurrent(timeProvider.GetUtcNow(), options.Value.IdleTimeout) ? entry.State : ConversationState.Empty;
            }

            return new ConversationTurn(this, entry, state);
        }
        catch
        {
            Release(entry);
            throw;
        }
    }

    /// <summary>Records the turn's new state (merged with what other hosts wrote meanwhile) and queues it for writing.</summary>
    internal void Complete(ConversationEntry entry, ConversationState state)
    {
        lock (entry.Sync)
        {
            entry.State = ConversationState.Merge(state, entry.State);
            entry.Version++;
            if (entry.Queued)
            {
                return; // the queued write takes the newest state when its turn comes
            }

            entry.Queued = true;
        }

        writer.Enqueue(entry);
    }

    internal static void Release(ConversationEntry entry)
    {
        entry.Gate.Release();
        Interlocked.Decrement(ref entry.Waiting);
    }

    public void Dispose() => _entries.Dispose();

    private ConversationEntry Entry(string conversationId)
    {
        if (_entries.TryGetValue(conversationId, out ConversationEntry? entry) && entry is not null)
        {
            return entry;
        }

        lock (_entries)
        {
            return _entries.GetOrCreate(conversationId, cacheEntry =>
            {
                cacheEntry.Size = 1;
                cacheEntry.SlidingExpiration = options.Value.IdleTimeout;
                return new ConversationEntry(conversationId);
            })!;
        }
    }

    private bool NeedsRead(ConversationEntry entry)
    {
        lock (entry.Sync)
        {
            return !entry.Synced
                || (!entry.Queued && entry.Version == entry.StoredVersion
                    && timeProvider.GetElapsedTime(entry.SyncedAt) > options.Value.CacheTrust);
        }
    }

    private async Task ReadAsync(ConversationEntry entry, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ReadTimeout);
        try
        {
            var (stored, etag) = await storage.ReadAsync(entry.ConversationId, timeout.Token).ConfigureAwait(false);
            lock (entry.Sync)
            {
                if (etag != entry.ETag)
                {
                    entry.State = stored;
                    entry.ETag = etag;
                }

                entry.Synced = true;
                entry.SyncedAt = timeProvider.GetTimestamp();
            }
        }
        catch (Exception exception) when (exception is BlobStorageException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Answer from memory (empty for a conversation new to this host); try storage again after the trust window.
            throttle.Warn("conversation-read", suppressed => BotLog.ConversationReadFailed(logger, exception.GetType().Name, suppressed));
            lock (entry.Sync)
            {
                entry.Synced = true;
                entry.SyncedAt = timeProvider.GetTimestamp();
            }
        }
    }
}

/// <summary>
/// One turn's hold on its conversation: the state to answer from; <see cref="Complete"/> records the new state;
/// disposing lets the next turn of the conversation in.
/// </summary>
internal readonly struct ConversationTurn(ConversationStore? store, ConversationEntry? entry, ConversationState state) : IDisposable
{
    /// <summary>A turn answered without the conversation (its queue was full): nothing is recorded.</summary>
    public static ConversationTurn Detached => new(null, null, ConversationState.Empty);

    public ConversationState State => state;

    public void Complete(ConversationState newState)
    {
        if (entry is not null)
        {
            store!.Complete(entry, newState);
        }
    }

    public void Dispose()
    {
        if (entry is not null)
        {
            ConversationStore.Release(entry);
        }
    }
}
