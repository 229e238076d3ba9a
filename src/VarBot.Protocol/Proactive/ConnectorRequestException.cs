using System.Net;

namespace VarBot.Protocol.Proactive;

/// <summary>
/// The connector refused a proactive call. <see cref="RetryAfter"/> is the connector's Retry-After (429 and 503), when
/// it sent one. Derives from <see cref="HttpRequestException"/>, so callers that catch that keep working.
/// </summary>
public sealed class ConnectorRequestException(HttpStatusCode status, TimeSpan? retryAfter, string message)
    : HttpRequestException(message, null, status)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>429: Teams' rate limit; wait <see cref="RetryAfter"/> and slow down.</summary>
    public bool IsThrottled => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>Worth another try later: throttling, timeouts and the connector's own failures (5xx).</summary>
    public bool IsTransient => IsThrottled || StatusCode is HttpStatusCode.RequestTimeout || (int?)StatusCode >= 500;
}
