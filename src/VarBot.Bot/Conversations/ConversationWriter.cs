using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VarBot.Bot.Conversations;

/// <summary>
/// Writes conversation state behind the answers, in rounds. A conversation is queued once however many turns it takes
/// while waiting, and its newest state is what gets written (coalescing). Writes of one conversation start at least one
/// interval apart (timed by the host's <see cref="TimeProvider"/>): the first change after a quiet spell goes at once, the
/// turns of a busy conversation share one write per interval. The interval leaves room in
/// <see cref="ConversationOptions.WriteBehindWindow"/> for one more round as slow as the slowest of the last second, so a
/// turn's context is in storage within the window while storage keeps its pace; it never drops under half the window.
/// Every conversation due at the same moment goes in one round (<see cref="IConversationStorage.WriteAsync"/>: a few table
/// transactions, not one request per conversation). A write that loses an ETag race to another host reads theirs, merges
/// (<see cref="ConversationState.Merge"/>) and goes again in the next round; nothing is dropped silently. A clean shutdown
/// writes everything pending at once (no interval) and waits for it.
/// </summary>
internal sealed class ConversationWriter(
    IConversationStorage storage,
    TimeProvider timeProvider,
    IOptions<ConversationOptions> options,
    LogThrottle throttle,
    ILogger<ConversationWriter> logger) : BackgroundService
{
    /// <summary>Lost races in a row after which a conversation is given up while the host shuts down.</summary>
    private const int MaxRaceRetriesOnShutdown = 4;

    /// <summary>How long the slowest round is remembered when the interval is derived from the window.</summary>
    private static readonly TimeSpan SlowRoundMemory = TimeSpan.FromSeconds(1);

    private readonly Channel<ConversationEntry> _queue = Channel.CreateUnbounded<ConversationEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when the host stops: writes waiting for their interval go at once (never disposed: a host may be
    /// stopped after it was disposed, and a token source without a timer holds nothing to free).</summary>
    private readonly CancellationTokenSource _flushing = new();

    /// <summary>The slowest round of the last <see cref="SlowRoundMemory"/> and when it ended (used by the one reader loop only).</summary>
    private TimeSpan _slowRound;
    private long _slowRoundAt;

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
        await _flushing.CancelAsync().ConfigureAwait(false);
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
        // Not the stopping token: StopAsync completes the queue, and what is in it still gets written.
        var pending = new List<ConversationEntry>();
        while (true)
        {
            while (_queue.Reader.TryRead(out var queued))
            {
                pending.Add(queued);
            }

            if (pending.Count == 0)
            {
                if (!await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    return; // stopped, and everything written
                }

                continue;
            }

            var (due, wait) = TakeDue(pending);
            if (due.Count == 0)
            {
                await WaitAsync(wait).ConfigureAwait(false);
                continue;
            }

            var started = timeProvider.GetTimestamp();
            try
            {
                pending.AddRange(await WriteRoundAsync(due).ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                // Not expected (storage errors are results): memory keeps the states, their next turns queue them again.
                throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, exception.GetType().Name, suppressed));
                foreach (var entry in due)
                {
                    lock (entry.Sync)
                    {
                        entry.Queued = false;
                    }
                }
            }

            Timed(timeProvider.GetElapsedTime(started));
        }
    }

    /// <summary>Remembers a round's duration when it is the slowest of the last <see cref="SlowRoundMemory"/>.</summary>
    private void Timed(TimeSpan round)
    {
        if (round >= _slowRound || timeProvider.GetElapsedTime(_slowRoundAt) > SlowRoundMemory)
        {
            _slowRound = round;
            _slowRoundAt = timeProvider.GetTimestamp();
        }
    }

    /// <summary>How far apart one conversation's writes start: the window less the slowest recent round, at least half the window.</summary>
    private TimeSpan Interval()
    {
        var window = options.Value.WriteBehindWindow;
        var interval = window - _slowRound;
        return interval > window / 2 ? interval : window / 2;
    }

    /// <summary>Takes the conversations whose interval has passed out of <paramref name="pending"/>; else how long until the first one's has.</summary>
    private (List<ConversationEntry> Due, TimeSpan Wait) TakeDue(List<ConversationEntry> pending)
    {
        var due = new List<ConversationEntry>();
        var wait = TimeSpan.MaxValue;
        var flushing = _flushing.IsCancellationRequested;
        var interval = Interval();
        pending.RemoveAll(entry =>
        {
            TimeSpan left;
            lock (entry.Sync)
            {
                left = flushing || !entry.Written ? TimeSpan.Zero : interval - timeProvider.GetElapsedTime(entry.WriteStartedAt);
            }

            if (left > TimeSpan.Zero)
            {
                wait = left < wait ? left : wait;
                return false;
            }

            due.Add(entry);
            return true;
        });
        return (due, wait);
    }

    /// <summary>Until <paramref name="wait"/> has passed on the host's clock, a conversation is queued, or the host stops.</summary>
    private async Task WaitAsync(TimeSpan wait)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(_flushing.Token);
        var interval = Task.Delay(wait, timeProvider, wake.Token);
        var queued = _queue.Reader.WaitToReadAsync(wake.Token).AsTask();
        await Task.WhenAny(interval, queued).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(interval, queued).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>One write of each conversation's newest state; the conversations to write again (newer turns, lost races).</summary>
    private async Task<List<ConversationEntry>> WriteRoundAsync(List<ConversationEntry> due)
    {
        var writes = new ConversationWrite[due.Count];
        var versions = new long[due.Count];
        var started = timeProvider.GetTimestamp();
        for (var i = 0; i < due.Count; i++)
        {
            var entry = due[i];
            lock (entry.Sync)
            {
                writes[i] = new ConversationWrite(entry.ConversationId, entry.State, entry.ETag);
                versions[i] = entry.Version;
                entry.WriteStartedAt = started;
                entry.Written = true;
            }
        }

        IReadOnlyList<ConversationWriteResult> results;
        using (var timeout = new CancellationTokenSource(options.Value.WriteTimeout))
        {
            results = await storage.WriteAsync(writes, timeout.Token).ConfigureAwait(false);
        }

        var again = new List<ConversationEntry>();
        var raced = new List<ConversationEntry>();
        for (var i = 0; i < due.Count; i++)
        {
            var entry = due[i];
            var result = results[i];
            switch (result.Status)
            {
                case ConversationWriteStatus.Written:
                    lock (entry.Sync)
                    {
                        entry.ETag = result.ETag;
                        entry.StoredVersion = versions[i];
                        entry.Synced = true;
                        entry.SyncedAt = timeProvider.GetTimestamp();
                        entry.RacesLost = 0;
                        // Turns that completed during the write: keep the conversation queued and write again.
                        entry.Queued = entry.Version > versions[i];
                        if (entry.Queued)
                        {
                            again.Add(entry);
                        }
                    }

                    break;
                case ConversationWriteStatus.Conflict:
                    throttle.Warn("conversation-race", suppressed => BotLog.ConversationWriteRace(logger, suppressed));
                    raced.Add(entry);
                    break;
                default:
                    // Memory keeps the state; the conversation's next turn queues it again.
                    throttle.Warn("conversation-write", suppressed => BotLog.ConversationWriteFailed(logger, result.Reason ?? result.Status.ToString(), suppressed));
                    lock (entry.Sync)
                    {
                        entry.Queued = false;
                    }

                    break;
            }
        }

        var merged = await Task.WhenAll(raced.Select(MergeStoredAsync)).ConfigureAwait(false);
        again.AddRange(raced.Where((_, i) => merged[i]));
        return again;
    }

    /// <summary>Takes in what another host wrote, to be written in a later round; false when the write is given up (logged).</summary>
    private async Task<bool> MergeStoredAsync(ConversationEntry entry)
    {
        try
        {
            using var timeout = new CancellationTokenSource(options.Value.WriteTimeout);
            var (stored, etag) = await storage.ReadAsync(entry.ConversationId, timeout.Token).ConfigureAwait(false);
            lock (entry.Sync)
            {
                entry.State = ConversationState.Merge(entry.State, stored);
                entry.ETag = etag;
                if (++entry.RacesLost <= MaxRaceRetriesOnShutdown || !_flushing.IsCancellationRequested)
                {
                    return true;
                }

                entry.Queued = false;
                return false;
            }
        }
        catch (Exception exception) when (exception is VarBot.Storage.BlobStorageException or OperationCanceledException)
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
