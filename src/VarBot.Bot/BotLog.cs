using Microsoft.Extensions.Logging;

namespace VarBot.Bot;

/// <summary>The bot host's log events. Message text is only ever logged at Debug.</summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Turn {ActivityType} routed to {Route} (activity {ActivityId}, conversation {ConversationId})")]
    public static partial void TurnRouted(this ILogger logger, string? activityType, string route, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Answered with intent {Intent}, template {Template}, answered {Answered} in {ElapsedMs} ms (activity {ActivityId}, conversation {ConversationId})")]
    public static partial void Answered(this ILogger logger, string intent, string template, bool answered, long elapsedMs, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Question text: {Text}")]
    public static partial void QuestionText(this ILogger logger, string text);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Feedback {Kind} stored for answer {AnswerId}")]
    public static partial void FeedbackStored(this ILogger logger, string kind, string? answerId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Conversation state of {ConversationId} is unreadable; starting afresh")]
    public static partial void ConversationStateUnreadable(this ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Conversation state of {ConversationId} changed concurrently; merging and retrying")]
    public static partial void ConversationWriteConflict(this ILogger logger, string conversationId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Answer engine built for model {ModelVersion} in {ElapsedMs} ms")]
    public static partial void EngineBuilt(this ILogger logger, string modelVersion, long elapsedMs);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "No knowledge model is loaded yet (activity {ActivityId})")]
    public static partial void ModelNotLoaded(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Storage holds no current model: importing {SeedsPath} and publishing (local defaults)")]
    public static partial void PublishingSeeds(this ILogger logger, string seedsPath);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Published the seed model {ModelVersion}")]
    public static partial void SeedsPublished(this ILogger logger, string modelVersion);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Importing or publishing the seeds failed")]
    public static partial void SeedPublishFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Could not store context of conversation {ConversationId}; the next turn starts afresh")]
    public static partial void ConversationSaveFailed(this ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Unhandled card action {Verb} (activity {ActivityId})")]
    public static partial void UnknownAction(this ILogger logger, string? verb, string? activityId);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Subscription from the bot: {Result} with {ThemeCount} chosen themes (activity {ActivityId})")]
    public static partial void SubscriptionStored(this ILogger logger, VarBot.Newsletter.Subscribers.SubscribeResult result, int themeCount, string? activityId);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Information, Message = "Subscription refused: not a valid e-mail address (activity {ActivityId})")]
    public static partial void SubscriptionRefused(this ILogger logger, string? activityId);

    // The staff console /beheer (5701-5799). Never an address: subscribers by count or key only.
    [LoggerMessage(EventId = 5701, Level = LogLevel.Error, Message = "Console send of issue {Month} failed")]
    public static partial void ConsoleSendFailed(this ILogger logger, Exception exception, string month);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "Proof of issue {Month} could not be sent")]
    public static partial void ConsoleProofFailed(this ILogger logger, Exception exception, string month);

    [LoggerMessage(EventId = 5703, Level = LogLevel.Information, Message = "Console send of issue {Month} stopped with the host; starting it again resumes it")]
    public static partial void ConsoleSendStopped(this ILogger logger, string month);

    [LoggerMessage(EventId = 5704, Level = LogLevel.Information, Message = "Subscriber import from the console (dry run {DryRun}): {Rows} rows, {Imported} new, {Existing} existing, {Duplicates} duplicates, {Invalid} invalid, {Mapped} mapped")]
    public static partial void ConsoleImport(this ILogger logger, bool dryRun, int rows, int imported, int existing, int duplicates, int invalid, int mapped);

    [LoggerMessage(EventId = 5705, Level = LogLevel.Warning, Message = "Subscriber upload refused: {Reason}")]
    public static partial void ConsoleUploadRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5706, Level = LogLevel.Information, Message = "Subscribers exported from the console: {Count}")]
    public static partial void ConsoleExport(this ILogger logger, int count);

    [LoggerMessage(EventId = 5707, Level = LogLevel.Information, Message = "Subscriber forgotten from the console: {Deleted} blobs deleted")]
    public static partial void ConsoleForgot(this ILogger logger, int deleted);

    [LoggerMessage(EventId = 5708, Level = LogLevel.Warning, Message = "Subscriber blob {BlobName} is unreadable; left out of the console's counts")]
    public static partial void ConsoleSubscriberUnreadable(this ILogger logger, Exception exception, string blobName);

    [LoggerMessage(EventId = 5709, Level = LogLevel.Warning, Message = "Could not remove the expired import upload {BlobName}")]
    public static partial void ConsoleUploadCleanupFailed(this ILogger logger, Exception exception, string blobName);
}
