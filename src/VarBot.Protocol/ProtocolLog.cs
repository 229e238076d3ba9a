using Microsoft.Extensions.Logging;

namespace VarBot.Protocol;

/// <summary>Source-generated log messages of the protocol layer; never message text at Information or above.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: {StatusCode} ({Reason})")]
    public static partial void RequestRefused(this ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Activity {ActivityType} {ActivityId} in conversation {ConversationId} accepted ({Mode})")]
    public static partial void ActivityAccepted(this ILogger logger, string? activityType, string? activityId, string? conversationId, string mode);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Handler failed on activity {ActivityId} in conversation {ConversationId}")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Sending the error reply for activity {ActivityId} in conversation {ConversationId} failed")]
    public static partial void ErrorReplyFailed(this ILogger logger, Exception exception, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Token refused: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Queue full; activity {ActivityId} in conversation {ConversationId} refused with 429")]
    public static partial void QueueFull(this ILogger logger, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "Invoke {InvokeName} on activity {ActivityId} produced no invoke response")]
    public static partial void NoInvokeResponse(this ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error, Message = "Unexpected failure processing {Method} {Path}")]
    public static partial void ProcessingFailed(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Sent {ActivityType} to conversation {ConversationId}: {StatusCode}")]
    public static partial void ActivitySent(this ILogger logger, string? activityType, string? conversationId, int statusCode);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Activity text: {Text}")]
    public static partial void ActivityText(this ILogger logger, string? text);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector answered {StatusCode} to a proactive send to conversation {ConversationId} (attempt {Attempt}); the run pauses {PauseMs} ms and continues at {MessagesPerSecond:0.##} messages/s")]
    public static partial void ProactiveRetrying(this ILogger logger, int statusCode, string? conversationId, int attempt, double pauseMs, double messagesPerSecond);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Not sending {What}: the connector host {Host} is not allowed (Bot:AllowedServiceUrlHosts)")]
    public static partial void ServiceUrlRefused(this ILogger logger, string host, string? what);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "The connector host {Host} did not answer {What} in time; calls to it fail fast for {PauseSeconds} s")]
    public static partial void ConnectorTimedOut(this ILogger logger, string host, string? what, int pauseSeconds);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Critical, Message = "No Bot:MicrosoftAppId, so nothing is authenticated, but the host listens on {Addresses}: stopping. Listen on loopback addresses only (e.g. http://127.0.0.1:3978) or configure the app id")]
    public static partial void NonLoopbackWithoutAppId(this ILogger logger, string addresses);
}
