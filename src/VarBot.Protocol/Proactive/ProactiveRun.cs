using Microsoft.Extensions.Logging;
using VarBot.Protocol.Schema;

namespace VarBot.Protocol.Proactive;

/// <summary>Pace and patience of one proactive run.</summary>
/// <param name="MessagesPerSecond">Starting pace of the whole run (all parallel senders together).</param>
/// <param name="MaxAttempts">Tries per message on 429 and transient failures before giving up on it.</param>
/// <param name="MaxRetryAfter">The longest Retry-After honoured; a longer one is cut to this.</param>
/// <param name="DefaultRetryAfter">The pause after a 429 or 5xx without Retry-After.</param>
/// <param name="SlowdownFactor">After each 429 the run's pace is divided by this, for the rest of the run.</param>
/// <param name="MinMessagesPerSecond">The pace never drops below this.</param>
public sealed record ProactiveRunOptions(
    double MessagesPerSecond = 10,
    int MaxAttempts = 6,
    TimeSpan? MaxRetryAfter = null,
    TimeSpan? DefaultRetryAfter = null,
    double SlowdownFactor = 2,
    double MinMessagesPerSecond = 0.2)
{
    public TimeSpan EffectiveMaxRetryAfter => MaxRetryAfter ?? TimeSpan.FromMinutes(5);

    public TimeSpan EffectiveDefaultRetryAfter => DefaultRetryAfter ?? TimeSpan.FromSeconds(1);
}

/// <summary>
/// Many proactive sends as one run, within the connector's rate limits (Teams: "Optimize your bot with rate limiting").
/// Every send waits for its slot at the run's pace; on 429 the whole run pauses for Retry-After, the pace is divided by
/// <see cref="ProactiveRunOptions.SlowdownFactor"/> for the rest of the run, and the message is tried again. Transient
/// failures (5xx, 408) are retried the same way without slowing down. Thread-safe: share one run among parallel senders.
/// Cancellation stops the waiting only: a request on the wire is not cancelled (it may arrive anyway), so an
/// <see cref="OperationCanceledException"/> carrying the caller's token always means "not sent".
/// </summary>
public sealed class ProactiveRun
{
    private readonly IProactiveSender _sender;
    private readonly ProactiveRunOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private TimeSpan _interval;
    private DateTimeOffset _nextSlot;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _lastSlowdown = DateTimeOffset.MinValue;
    private int _throttled;

    internal ProactiveRun(IProactiveSender sender, ProactiveRunOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MessagesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MinMessagesPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlowdownFactor, 1);
        _sender = sender;
        _options = options;
        _time = time;
        _logger = logger;
        _interval = Interval(options.MessagesPerSecond);
        _nextSlot = _pausedUntil = time.GetUtcNow();
    }

    /// <summary>The run's pace now, in messages per second.</summary>
    public double MessagesPerSecond
    {
        get
        {
            lock (_lock)
            {
                return 1 / _interval.TotalSeconds;
            }
        }
    }

    /// <summary>How many 429 answers the run received.</summary>
    public int ThrottledCount => Volatile.Read(ref _throttled);

    /// <summary><see cref="IProactiveSender.ContinueConversationAsync"/> at the run's pace, retried on 429 and transient failures.</summary>
    public Task<ResourceResponse> ContinueConversationAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(ct => _sender.ContinueConversationAsync(reference, activity, ct), reference.Conversation.Id, cancellationToken);

    /// <summary><see cref="IProactiveSender.CreateConversationAsync"/> at the run's pace, retried on 429 and transient failures.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync(ct => _sender.CreateConversationAsync(serviceUrl, parameters, ct), null, cancellationToken);

    private async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> send, string? conversationId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = await WaitForSlotAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await send(CancellationToken.None).ConfigureAwait(false);
            }
            catch (ConnectorRequestException exception) when (exception.IsTransient && attempt < _options.MaxAttempts)
            {
                var pause = exception.RetryAfter is { } retryAfter
                    ? TimeSpan.FromTicks(Math.Min(retryAfter.Ticks, _options.EffectiveMaxRetryAfter.Ticks))
                    : _options.EffectiveDefaultRetryAfter;
                if (exception.IsThrottled)
                {
                    Interlocked.Increment(ref _throttled);
                }

                var rate = Pause(pause, exception.IsThrottled ? started : null);
                _logger.ProactiveRetrying((int?)exception.StatusCode ?? 0, conversationId, attempt, pause.TotalMilliseconds, rate);
            }
        }
    }

    /// <summary>Waits for this send's slot; a pause that starts meanwhile (another sender's 429) sends it back in line. Returns when it went.</summary>
    private async Task<DateTimeOffset> WaitForSlotAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset slot;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                slot = Max(_nextSlot, Max(now, _pausedUntil));
                _nextSlot = slot + _interval;
            }

            var wait = slot - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            lock (_lock)
            {
                var now = _time.GetUtcNow();
                if (now >= _pausedUntil)
                {
                    return now;
                }
            }
        }
    }

    /// <summary>
    /// Pauses the run. A 429 (<paramref name="throttledSendStarted"/> set) also slows it down, once per burst: the other
    /// sends already on the wire when the first 429 came back are answered 429 too, and count as the same signal.
    /// </summary>
    private double Pause(TimeSpan pause, DateTimeOffset? throttledSendStarted)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            _pausedUntil = Max(_pausedUntil, now + pause);
            if (throttledSendStarted is { } started && started > _lastSlowdown)
            {
                _lastSlowdown = now;
                var slowest = Interval(_options.MinMessagesPerSecond);
                _interval = TimeSpan.FromTicks(Math.Min((long)(_interval.Ticks * _options.SlowdownFactor), slowest.Ticks));
            }

            // Slots handed out before the pause are void: everyone queues again after it.
            _nextSlot = _pausedUntil;
            return 1 / _interval.TotalSeconds;
        }
    }

    private static TimeSpan Interval(double perSecond) => TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / perSecond));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
