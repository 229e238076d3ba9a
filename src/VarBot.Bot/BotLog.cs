using Microsoft.Extensions.Logging;

namespace VarBot.Bot;

/// <summary>The bot host's log events. Message text is only ever logged at Debug.</summary>
internal static partial class BotLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Turn {ActivityType} routed to {Route} (activity {ActivityId}, conversation {ConversationId})")]
    public static partial void TurnRouted(this ILogger logger, string? activityType, string route, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Answered with intent {Intent}, template {Template}, answered {Answered} in {ElapsedMs} ms (activity {ActivityId}, conversation {ConversationId})")]
    public static partial void Answered(this ILogger logger, string intent, string template, bool answered, long elapsedMs, string? activityId, string? conversationId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Question text: {Text}")]
    public static partial void QuestionText(this ILogger logger, string text);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Feedback {Kind} queued for answer {AnswerId}")]
    public static partial void FeedbackQueued(this ILogger logger, string kind, string? answerId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "A stored conversation state is unreadable ({Reason}); that conversation starts afresh ({Suppressed} more like this left out)")]
    public static partial void ConversationStateUnreadable(this ILogger logger, string reason, int suppressed);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Another host wrote a conversation at the same time; merged and written again ({Suppressed} more like this left out)")]
    public static partial void ConversationWriteRace(this ILogger logger, int suppressed);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Answer engine built for model {ModelVersion} in {ElapsedMs} ms")]
    public static partial void EngineBuilt(this ILogger logger, string modelVersion, long elapsedMs);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "No knowledge model is loaded yet (activity {ActivityId})")]
    public static partial void ModelNotLoaded(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Information, Message = "Storage holds no current model: importing {SeedsPath} and publishing (local defaults)")]
    public static partial void PublishingSeeds(this ILogger logger, string seedsPath);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Published the seed model {ModelVersion}")]
    public static partial void SeedsPublished(this ILogger logger, string modelVersion);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Importing or publishing the seeds failed")]
    public static partial void SeedPublishFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Warning, Message = "Storage still unreachable for the seed publish (attempt {Attempt}); trying again in {Seconds} s")]
    public static partial void SeedPublishRetrying(this ILogger logger, int attempt, double seconds);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Could not write a conversation's context ({ExceptionType}); this host keeps it in memory ({Suppressed} more like this left out)")]
    public static partial void ConversationWriteFailed(this ILogger logger, string exceptionType, int suppressed);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Information, Message = "Unhandled card action {Verb} (activity {ActivityId})")]
    public static partial void UnknownAction(this ILogger logger, string? verb, string? activityId);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Subscription from the bot: {Result} with {ThemeCount} chosen themes (activity {ActivityId})")]
    public static partial void SubscriptionStored(this ILogger logger, VarBot.Newsletter.Subscribers.SubscribeResult result, int themeCount, string? activityId);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "Subscription refused: not a valid e-mail address (activity {ActivityId})")]
    public static partial void SubscriptionRefused(this ILogger logger, string? activityId);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Warning, Message = "Could not read a conversation's context ({ExceptionType}); answering without it ({Suppressed} more like this left out)")]
    public static partial void ConversationReadFailed(this ILogger logger, string exceptionType, int suppressed);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Warning, Message = "More than {MaxQueuedTurns} turns of one conversation are waiting; answering the rest without context ({Suppressed} more like this left out)")]
    public static partial void ConversationQueueFull(this ILogger logger, int maxQueuedTurns, int suppressed);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "A conversation reached {Max} feedback records in its idle window; further ones are not stored ({Suppressed} more like this left out)")]
    public static partial void FeedbackLimitReached(this ILogger logger, int max, int suppressed);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "The feedback queue is full; a record is not stored ({Suppressed} more like this left out)")]
    public static partial void FeedbackQueueFull(this ILogger logger, int suppressed);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Could not store feedback ({ExceptionType}) ({Suppressed} more like this left out)")]
    public static partial void FeedbackWriteFailed(this ILogger logger, string exceptionType, int suppressed);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning, Message = "Readiness: blob storage does not answer ({ExceptionType}: {Reason}); answering from the model in memory")]
    public static partial void StorageDegraded(this ILogger logger, string exceptionType, string reason);

    // Teams features (issue 12): 5500-5599.

    [LoggerMessage(EventId = 5501, Level = LogLevel.Debug, Message = "Message in group conversation {ConversationId} does not mention the bot; ignored (activity {ActivityId})")]
    public static partial void NotAddressed(this ILogger logger, string? conversationId, string? activityId);

    [LoggerMessage(EventId = 5502, Level = LogLevel.Information, Message = "Reminders {Change} for member {MemberKey}")]
    public static partial void RemindersChanged(this ILogger logger, string change, string memberKey);

    [LoggerMessage(EventId = 5503, Level = LogLevel.Information, Message = "Reminder run for {Day}: {Due} due reminders, {Members} members; sent {Sent}, already sent {AlreadySent}, in doubt {InDoubt}, failed {Failed}, released {Released}, 429s {Throttled}, final pace {MessagesPerSecond:0.##}/s, {ElapsedMs} ms")]
    public static partial void ReminderRunFinished(this ILogger logger, DateOnly day, int due, int members, int sent, int alreadySent, int inDoubt, int failed, int released, int throttled, double messagesPerSecond, long elapsedMs);

    [LoggerMessage(EventId = 5504, Level = LogLevel.Warning, Message = "Reminder for event {EventId} to member {MemberKey} failed: {Error} (retry later: {Retryable})")]
    public static partial void ReminderFailed(this ILogger logger, string eventId, string memberKey, string error, bool retryable);

    [LoggerMessage(EventId = 5505, Level = LogLevel.Information, Message = "{Job} skipped: the lease {LeaseBlob} is held by another host")]
    public static partial void LeaseHeldElsewhere(this ILogger logger, string job, string leaseBlob);

    [LoggerMessage(EventId = 5506, Level = LogLevel.Error, Message = "{Job} failed; it runs again at the next tick")]
    public static partial void TeamsJobFailed(this ILogger logger, Exception exception, string job);

    [LoggerMessage(EventId = 5507, Level = LogLevel.Information, Message = "Nieuwsbrief {Month} posted to channel {ChannelKey} (activity {ActivityId})")]
    public static partial void ChannelPosted(this ILogger logger, string month, string channelKey, string? activityId);

    [LoggerMessage(EventId = 5508, Level = LogLevel.Warning, Message = "Posting nieuwsbrief {Month} to channel {ChannelKey} failed: {Error} (retry later: {Retryable})")]
    public static partial void ChannelPostFailed(this ILogger logger, string month, string channelKey, string error, bool retryable);

    [LoggerMessage(EventId = 5509, Level = LogLevel.Information, Message = "Search extension query answered with {Count} results in {ElapsedMs} ms (activity {ActivityId})")]
    public static partial void SearchAnswered(this ILogger logger, int count, long elapsedMs, string? activityId);

    [LoggerMessage(EventId = 5510, Level = LogLevel.Debug, Message = "Search extension query text: {Text}")]
    public static partial void SearchText(this ILogger logger, string text);

    [LoggerMessage(EventId = 5511, Level = LogLevel.Information, Message = "Card refresh {Verb} for {EventCount} events ({Trigger}) (activity {ActivityId})")]
    public static partial void CardRefreshed(this ILogger logger, string verb, int eventCount, string? trigger, string? activityId);

    [LoggerMessage(EventId = 5512, Level = LogLevel.Warning, Message = "Send record {BlobName} is unreadable; treated as in doubt and not sent again")]
    public static partial void DeliveryRecordUnreadable(this ILogger logger, Exception exception, string blobName);

    [LoggerMessage(EventId = 5513, Level = LogLevel.Warning, Message = "{Job} stopped: the lease {LeaseBlob} could not be renewed; the next tick takes it again if it is free")]
    public static partial void LeaseLost(this ILogger logger, string job, string leaseBlob);

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
