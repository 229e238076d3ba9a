using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Issues;
using VarBot.Newsletter.Subscribers;
using VarBot.Storage;
using VarBot.Templates.Views;

namespace VarBot.Newsletter.Delivery;

public sealed record SendOptions(bool DryRun = false, int? Limit = null);

/// <summary>Progress after each subscriber: processed of total, mails sent so far.</summary>
public sealed record SendProgress(int Processed, int Total, int Sent);

/// <summary>A subscriber the run could not mail, by hashed key (never the address) with a Dutch reason.</summary>
public sealed record SendFailure(string SubscriberKey, string Reason);

public sealed record SendSummary(
    string Month,
    bool DryRun,
    int Total,
    int Sent,
    int AlreadySent,
    int NotConfirmed,
    int NotAttempted,
    IReadOnlyList<SendFailure> Failed,
    TimeSpan Elapsed);

/// <summary>The state of one subscriber's mail for one issue: newsletters/{yyyy-MM}/sent/{key}.</summary>
public sealed record SendRecord(string State, string MessageId, int Attempts, DateTimeOffset At, string? Error = null)
{
    public const string Sending = "sending";
    public const string Done = "done";
    public const string Failed = "failed";
}

public sealed class IssueNotApprovedException(string message) : Exception(message);

/// <summary>
/// Sends an approved issue: exactly one personal digest per confirmed subscriber. Before each mail a send record is
/// created with If-None-Match:* (state "sending"), after the server accepted it the record becomes "done". A resumed
/// run skips "done" records and retries "sending"/"failed" ones, so a crash between the server's 250 and the "done"
/// write duplicates at most the mails in flight at that moment (one per connection).
/// </summary>
public sealed class NewsletterSender(
    IBlobContainer container,
    IssueStore issues,
    SubscriberStore subscribers,
    SubscriptionTokens tokens,
    NewsletterRenderer renderer,
    SmtpMailer mailer,
    MessageFactory messages,
    NewsletterLinks links,
    NewsletterOptions options,
    TimeProvider time,
    ILogger<NewsletterSender> logger)
{
    public async Task<SendSummary> SendAsync(IssueMonth month, SendOptions sendOptions, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var stored = await issues.LoadAsync(month, cancellationToken)
            ?? throw new IssueNotApprovedException(NewsletterTexts.NotComposed(month));
        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            throw new IssueNotApprovedException(approval is null ? NewsletterTexts.NotApproved(month) : NewsletterTexts.ApprovalStale(month));
        }

        if (!sendOptions.DryRun)
        {
            // Sending starts: freeze the issue and its public web version (create-only, so a resumed run keeps the first).
            var web = new DigestView(stored.Issue, [], null, links.BaseUrl + "/nieuwsbrief/afmelden", links.BaseUrl + "/nieuwsbrief", Edition.Web);
            await issues.ArchiveAsync(stored.Issue, await renderer.RenderHtmlAsync(web), cancellationToken);
        }

        var keys = new List<string>();
        await foreach (var key in subscribers.ListKeysAsync(cancellationToken))
        {
            keys.Add(key);
        }

        logger.SendStarted(month.ToString(), keys.Count, sendOptions.DryRun);
        using var span = NewsletterTelemetry.StartSend(month.ToString(), keys.Count, sendOptions.DryRun);
        var failures = new ConcurrentQueue<SendFailure>();
        int processed = 0, sent = 0, alreadySent = 0, notConfirmed = 0, notAttempted = 0, attempted = 0;
        var limit = sendOptions.Limit ?? int.MaxValue;
        var retry = RetryPipeline();

        var started = time.GetUtcNow();
        SendProgressState Progress(DateTimeOffset? finished = null) => new(
            month.ToString(), keys.Count, Volatile.Read(ref processed), Volatile.Read(ref sent), Volatile.Read(ref alreadySent),
            Volatile.Read(ref notConfirmed), failures.Count, started, time.GetUtcNow(), finished, sendOptions.DryRun);
        using var stopProgress = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progressWriter = sendOptions.DryRun ? Task.CompletedTask : WriteProgressAsync(month, () => Progress(), stopProgress.Token);

        // With --limit the run is sequential, so which subscribers get the N mails is the listing order, not a race.
        var parallelism = sendOptions.Limit is null ? mailer.Connections : 1;
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (key, ct) =>
        {
            var outcome = await SendOneAsync(stored.Issue, month, key, sendOptions.DryRun, () => Interlocked.Increment(ref attempted) <= limit, retry, ct);
            switch (outcome.Kind)
            {
                case OutcomeKind.Sent: Interlocked.Increment(ref sent); break;
                case OutcomeKind.AlreadySent: Interlocked.Increment(ref alreadySent); break;
                case OutcomeKind.NotConfirmed: Interlocked.Increment(ref notConfirmed); break;
                case OutcomeKind.NotAttempted: Interlocked.Increment(ref notAttempted); break;
                default: failures.Enqueue(new SendFailure(key, outcome.Reason!)); break;
            }

            var done = Interlocked.Increment(ref processed);
            NewsletterTelemetry.Handled(month.ToString(), outcome.Kind.ToString(), sendOptions.DryRun, done, keys.Count);
            progress?.Report(new SendProgress(done, keys.Count, Volatile.Read(ref sent)));
        });

        await stopProgress.CancelAsync();
        await progressWriter;
        if (!sendOptions.DryRun)
        {
            await PutProgressAsync(month, Progress(time.GetUtcNow()), cancellationToken);
        }

        var summary = new SendSummary(month.ToString(), sendOptions.DryRun, keys.Count, sent, alreadySent, notConfirmed, notAttempted, failures.ToList(), stopwatch.Elapsed);
        logger.SendFinished(month.ToString(), sent, alreadySent, failures.Count, stopwatch.ElapsedMilliseconds);
        return summary;
    }

    /// <summary>Sends the general edition as a proof to a staff address, at any time; no send record, no approval needed.</summary>
    public async Task SendTestAsync(IssueMonth month, string to, CancellationToken cancellationToken = default)
    {
        var stored = await issues.LoadAsync(month, cancellationToken)
            ?? throw new IssueNotApprovedException(NewsletterTexts.NotComposed(month));
        var view = new DigestView(stored.Issue, [], null, links.UnsubscribeUrl("proef"), links.PreferencesUrl("proef"), Edition.Proof);
        var html = await renderer.RenderHtmlAsync(view);
        using var message = messages.Create(to, null, "[PROEF] " + stored.Issue.Subject, NewsletterRenderer.RenderText(view), html,
            messages.MessageId(month.ToString(), Guid.NewGuid().ToString("N")[..12], "proef"), null);
        await mailer.SendAsync(message, cancellationToken);
        logger.ProofSent(month.ToString(), subscribers.KeyOf(to));
    }

    private async Task<Outcome> SendOneAsync(NewsletterIssue issue, IssueMonth month, string key, bool dryRun, Func<bool> takeSlot, ResiliencePipeline retry, CancellationToken ct)
    {
        if (await subscribers.GetByKeyAsync(key, ct) is not { } found)
        {
            return new Outcome(OutcomeKind.NotConfirmed);
        }

        var subscriber = found.Subscriber;
        if (subscriber.Status != SubscriberStatus.Confirmed)
        {
            return new Outcome(OutcomeKind.NotConfirmed);
        }

        var recordName = IssueStore.Folder(month) + "sent/" + key;
        var existing = await container.GetAsync(recordName, ct);
        if (existing is not null && NewsletterJson.Deserialize<SendRecord>(existing.Content).State == SendRecord.Done)
        {
            return new Outcome(OutcomeKind.AlreadySent);
        }

        if (!takeSlot())
        {
            return new Outcome(OutcomeKind.NotAttempted);
        }

        var messageId = messages.MessageId(month.ToString(), key);
        var unsubscribeToken = tokens.Create(TokenPurpose.Unsubscribe, key, options.UnsubscribeLinkLifetime);
        var view = new DigestView(issue, subscriber.Themes, subscriber.Name, links.UnsubscribeUrl(unsubscribeToken), links.PreferencesUrl(unsubscribeToken));
        var html = await renderer.RenderHtmlAsync(view);
        var text = NewsletterRenderer.RenderText(view);
        if (dryRun)
        {
            return new Outcome(OutcomeKind.Sent);
        }

        // Claim: create the record, or take over a "sending"/"failed" one left by an earlier run.
        var attempts = existing is null ? 1 : NewsletterJson.Deserialize<SendRecord>(existing.Content).Attempts + 1;
        string etag;
        try
        {
            etag = await container.PutAsync(
                recordName,
                NewsletterJson.Serialize(new SendRecord(SendRecord.Sending, messageId, attempts, time.GetUtcNow())),
                "application/json",
                existing is null ? BlobCondition.IfNotExists : BlobCondition.IfUnchanged(existing.Properties.ETag),
                ct);
        }
        catch (BlobConditionFailedException)
        {
            // Another sender claimed it between our read and write.
            return new Outcome(OutcomeKind.AlreadySent);
        }

        MimeKit.MimeMessage message;
        try
        {
            message = messages.Create(subscriber.Email, subscriber.Name, issue.Subject, text, html, messageId, links.UnsubscribeUrl(unsubscribeToken));
        }
        catch (FormatException)
        {
            return await FailAsync(recordName, etag, messageId, attempts, key, NewsletterTexts.InvalidAddressReason, ct);
        }

        using (message)
        {
            try
            {
                await retry.ExecuteAsync(async token => await mailer.SendAsync(message, token), ct);
            }
            catch (MailDeliveryException ex)
            {
                var reason = NewsletterTexts.SmtpFailureReason(ex.StatusCode, ex.Message).Replace(subscriber.Email, "[adres]", StringComparison.OrdinalIgnoreCase);
                return await FailAsync(recordName, etag, messageId, attempts, key, reason, ct);
            }
        }

        try
        {
            await container.PutAsync(recordName, NewsletterJson.Serialize(new SendRecord(SendRecord.Done, messageId, attempts, time.GetUtcNow())),
                "application/json", BlobCondition.IfUnchanged(etag), ct);
        }
        catch (BlobConditionFailedException)
        {
            // Someone rewrote the record while our mail went out (only possible without the send lease, e.g. a staff
            // reset). The mail was accepted, so it counts as sent; their record stays.
            logger.SendRecordChanged(key, month.ToString());
        }

        return new Outcome(OutcomeKind.Sent);
    }

    private async Task<Outcome> FailAsync(string recordName, string etag, string messageId, int attempts, string key, string reason, CancellationToken ct)
    {
        logger.SendFailed(key, reason);
        try
        {
            await container.PutAsync(recordName, NewsletterJson.Serialize(new SendRecord(SendRecord.Failed, messageId, attempts, time.GetUtcNow(), reason)),
                "application/json", BlobCondition.IfUnchanged(etag), ct);
        }
        catch (BlobConditionFailedException)
        {
            logger.SendRecordChanged(key, IssueMonthOf(recordName));
        }

        return new Outcome(OutcomeKind.Failed, reason);
    }

    /// <summary>Writes the run's progress about once a second, for the staff console (<see cref="SendProgressQuery"/>).</summary>
    private async Task WriteProgressAsync(IssueMonth month, Func<SendProgressState> progress, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            do
            {
                await PutProgressAsync(month, progress(), stop);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the final state is written by the caller.
        }
        catch (BlobStorageException ex)
        {
            // Progress is a convenience: the send log stays the truth, so a failed write must not stop the run.
            logger.ProgressWriteFailed(month.ToString(), ex);
        }
    }

    private Task PutProgressAsync(IssueMonth month, SendProgressState state, CancellationToken cancellationToken) =>
        container.PutAsync(SendProgressQuery.ProgressBlob(month), NewsletterJson.Serialize(state), "application/json", BlobCondition.None, cancellationToken);

    private static string IssueMonthOf(string recordName) => recordName[IssueStore.Prefix.Length..].Split('/')[0];

    /// <summary>Retries transient SMTP failures with exponential backoff and jitter; MaxAttempts 1 means no retry at all.</summary>
    private ResiliencePipeline RetryPipeline() => options.Smtp.MaxAttempts <= 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<MailDeliveryException>(ex => ex.Transient),
                MaxRetryAttempts = options.Smtp.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Smtp.RetryBaseDelay,
                OnRetry = args =>
                {
                    logger.SmtpRetry(args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private enum OutcomeKind
    {
        Sent,
        AlreadySent,
        NotConfirmed,
        NotAttempted,
        Failed,
    }

    private readonly record struct Outcome(OutcomeKind Kind, string? Reason = null);
}
