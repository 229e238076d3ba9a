using Microsoft.Extensions.Logging;

namespace VarBot.Protocol;

/// <summary>Source-generated log messages of the protocol layer; never message text at Information or above.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: {StatusCode} ({Reason})")]
    public static partial void RequestRefused(this ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Activity {ActivityType} {ActivityId} in conversation {ConversationId} accepted ({Mode})")]
    public static partial void ActivityAccepted(this ILogger logger, string? activityType, string? activityId, string? conversationId, string mode);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Handler failed on activity {ActivityId} in conversation {ConversationId}")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Sending the error reply for activity {ActivityId} in conversation {ConversationId} failed")]
    public static partial void ErrorReplyFailed(this ILogger logger, Exception exception, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Token refused: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Queue full; activity {ActivityId} in conversation {ConversationId} refused with 429")]
    public static partial void QueueFull(this ILogger logger, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Invoke {InvokeName} on activity {ActivityId} produced no invoke response")]
    public static partial void NoInvokeResponse(this ILogger logger, string? invokeName, string? activityId);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Unexpected failure processing {Method} {Path}")]
    public static partial void ProcessingFailed(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Sent {ActivityType} to conversation {ConversationId}: {StatusCode}")]
    public static partial void ActivitySent(this ILogger logger, string? activityType, string? conversationId, int statusCode);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "Activity text: {Text}")]
    public static partial void ActivityText(this ILogger logger, string? text);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Connector answered {StatusCode} to a proactive send to conversation {ConversationId} (attempt {Attempt}); the run pauses {PauseMs} ms and continues at {MessagesPerSecond:0.##} messages/s")]
    public static partial void ProactiveRetrying(this ILogger logger, int statusCode, string? conversationId, int attempt, double pauseMs, double messagesPerSecond);
}
