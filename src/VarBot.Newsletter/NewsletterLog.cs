using Microsoft.Extensions.Logging;

namespace VarBot.Newsletter;

/// <summary>
/// Every log line of VarBot.Newsletter (event ids 6000-6999): 6100-6199 delivery, 6200-6299 subscribers,
/// 6300-6399 public pages and scheduler; 6000-6099 and 6500-6999 are free for composition, issues and the console.
/// Subscribers are named by their key only: never an address, a name, a token or a query string.
/// </summary>
internal static partial class NewsletterLog
{
    // Delivery
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Sending issue {Month} to {Count} subscriber blobs (dry run: {DryRun})")]
    public static partial void SendStarted(this ILogger logger, string month, int count, bool dryRun);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Issue {Month}: {Sent} sent, {AlreadySent} already sent, {Failed} failed in {ElapsedMs} ms")]
    public static partial void SendFinished(this ILogger logger, string month, int sent, int alreadySent, int failed, long elapsedMs);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Mail to subscriber {SubscriberKey} failed: {Reason}")]
    public static partial void SendFailed(this ILogger logger, string subscriberKey, string reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} after error: {Error}")]
    public static partial void SmtpRetry(this ILogger logger, int attempt, string error);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Proof of issue {Month} sent to staff address {AddressKey}")]
    public static partial void ProofSent(this ILogger logger, string month, string addressKey);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Send record of subscriber {SubscriberKey} for {Month} was changed by someone else after the mail went out; kept theirs")]
    public static partial void SendRecordChanged(this ILogger logger, string subscriberKey, string month);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Issue {Month} is being sent by another run; waiting for its lease")]
    public static partial void WaitingForSendLease(this ILogger logger, string month);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Error, Message = "Lost the send lease of issue {Month}; stopping this run")]
    public static partial void SendLeaseLost(this ILogger logger, string month, Exception exception);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning, Message = "Progress of issue {Month} could not be written; sending goes on")]
    public static partial void ProgressWriteFailed(this ILogger logger, string month, Exception exception);

    // Subscribers
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Confirmation link sent to subscriber {SubscriberKey} (source {Source})")]
    public static partial void ConfirmationSent(this ILogger logger, string subscriberKey, string source);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Information, Message = "Subscribe request for existing subscriber {SubscriberKey} (source {Source}): nothing changed, management link mailed to the owner")]
    public static partial void ManageLinkSent(this ILogger logger, string subscriberKey, string source);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Subscribe request for subscriber {SubscriberKey} (source {Source}) refused: {Limit} rate limit reached")]
    public static partial void SubscribeRateLimited(this ILogger logger, string subscriberKey, string source, string limit);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Subscriber {SubscriberKey} changed concurrently {Attempts} times; giving up")]
    public static partial void SubscriberConflict(this ILogger logger, string subscriberKey, int attempts);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning, Message = "Mail to subscriber {SubscriberKey} could not be sent: {Reason}")]
    public static partial void SubscriptionMailFailed(this ILogger logger, string subscriberKey, string reason, Exception exception);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information, Message = "Subscriber {SubscriberKey} confirmed")]
    public static partial void SubscriberConfirmed(this ILogger logger, string subscriberKey);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Information, Message = "Subscriber {SubscriberKey} unsubscribed (reason given: {ReasonGiven})")]
    public static partial void SubscriberUnsubscribed(this ILogger logger, string subscriberKey, bool reasonGiven);

    [LoggerMessage(EventId = 6208, Level = LogLevel.Information, Message = "Subscriber key migration: {Moved} subscribers moved to keyed names, {SendRecords} send records moved, {Conflicts} conflicts")]
    public static partial void KeysMigrated(this ILogger logger, int moved, int sendRecords, int conflicts);

    [LoggerMessage(EventId = 6209, Level = LogLevel.Warning, Message = "Subscriber blob {BlobName} could not be read; skipped")]
    public static partial void SubscriberUnreadable(this ILogger logger, string blobName, Exception exception);

    [LoggerMessage(EventId = 6210, Level = LogLevel.Information, Message = "Subscriber table migration into table {Table}: {Moved} subscriber blobs moved, {Kept} kept for the next run")]
    public static partial void SubscribersMovedToTable(this ILogger logger, string table, int moved, int kept);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Warning, Message = "Subscriber blob {BlobName} changed while it was moved to the table; kept for the next run")]
    public static partial void SubscriberBlobChangedDuringMove(this ILogger logger, string blobName);

    [LoggerMessage(EventId = 6212, Level = LogLevel.Warning, Message = "Subscriber store could not be prepared at start (table, migration of subscriber blobs); it tries again on first use")]
    public static partial void SubscriberStoreNotReady(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6213, Level = LogLevel.Information, Message = "Import batch of {Count} subscribers in partition {Partition} failed ({Status}); writing them one by one")]
    public static partial void ImportBatchFellBack(this ILogger logger, int count, string partition, int status);

    // Public pages and scheduler
    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Composed issue {Month}; waiting for approval")]
    public static partial void Composed(this ILogger logger, string month);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Issue {Month} is not approved; not sending")]
    public static partial void WaitingForApproval(this ILogger logger, string month);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Information, Message = "Scheduled send of {Month}: {Sent} sent, {Failed} failed")]
    public static partial void ScheduledSend(this ILogger logger, string month, int sent, int failed);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Error, Message = "Scheduled newsletter run failed")]
    public static partial void ScheduleFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6305, Level = LogLevel.Information, Message = "Scheduled send of {Month} skipped: another run holds the send lease")]
    public static partial void ScheduledSendBusy(this ILogger logger, string month);

    [LoggerMessage(EventId = 6390, Level = LogLevel.Warning, Message = "Newsletter:ScheduleDayOfMonth ({Obsolete}) is no longer read: the scheduler sends on the send date, day {SendDay} of the month (Newsletter:Editorial:SendDayOfMonth). Remove the old setting")]
    public static partial void ObsoleteScheduleDay(this ILogger logger, string obsolete, int sendDay);

    [LoggerMessage(EventId = 6306, Level = LogLevel.Warning, Message = "Newsletter page {Path} answered {Status}: {Reason}")]
    public static partial void PageRefused(this ILogger logger, string path, int status, string reason);

    [LoggerMessage(EventId = 6307, Level = LogLevel.Warning, Message = "Newsletter page {Path}: no knowledge model loaded yet")]
    public static partial void PageWithoutModel(this ILogger logger, string path, Exception exception);
}
