using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Bot.Conversations;
using VarBot.Storage;

namespace VarBot.Bot.Feedback;

/// <summary>
/// Writes feedback and unanswered questions behind the answer: once per click kind per answer and once per unanswered
/// question (as asked, case and spacing aside) per conversation per idle window, so a chat that repeats itself gives the
/// editors one record, not one per repeat; at most <see cref="VarBotOptions.MaxFeedbackPerConversation"/> records per
/// conversation per idle window (one chat cannot fill storage); a bounded queue; a failed write is a throttled warning,
/// never a failed turn. A clean shutdown writes what is queued.
/// </summary>
internal sealed class FeedbackWriter(
    FeedbackStore store,
    IOptions<VarBotOptions> options,
    IOptions<ConversationOptions> conversationOptions,
    LogThrottle throttle,
    ILogger<FeedbackWriter> logger) : BackgroundService
{
    private const int QueueCapacity = 1_000;

    private readonly Channel<FeedbackRecord> _queue = Channel.CreateBounded<FeedbackRecord>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly MemoryCache _perConversation = new(new MemoryCacheOptions { SizeLimit = conversationOptions.Value.MaxCached });

    public void Enqueue(string conversationId, FeedbackRecord record)
    {
        var stored = _perConversation.GetOrCreate(conversationId, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = conversationOptions.Value.IdleTimeout;
            return new HashSet<string>(StringComparer.Ordinal);
        })!;
        lock (stored)
        {
            var key = Key(record);
            if (stored.Contains(key))
            {
                return; // this conversation's record of it is stored already
            }

            if (stored.Count >= options.Value.MaxFeedbackPerConversation)
            {
                throttle.Warn("feedback-limit", suppressed => BotLog.FeedbackLimitReached(logger, options.Value.MaxFeedbackPerConversation, suppressed));
                return;
            }

            stored.Add(key);
        }

        if (!_queue.Writer.TryWrite(record))
        {
            throttle.Warn("feedback-queue", suppressed => BotLog.FeedbackQueueFull(logger, suppressed));
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(conversationOptions.Value.FlushTimeout);
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(flush.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _perConversation.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var record in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                using var timeout = new CancellationTokenSource(conversationOptions.Value.WriteTimeout);
                await store.AddAsync(record, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is BlobStorageException or BlobConditionFailedException or OperationCanceledException)
            {
                throttle.Warn("feedback-write", suppressed => BotLog.FeedbackWriteFailed(logger, exception.GetType().Name, suppressed));
            }
        }
    }

    /// <summary>What makes two records of one conversation the same: the kind, and the answer clicked or the question not answered.</summary>
    private static string Key(FeedbackRecord record) =>
        record.Kind == FeedbackKinds.Unanswered
            ? record.Kind + "\n" + string.Join(' ', (record.Question ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant()
            : record.Kind + "\n" + record.AnswerId;
}
