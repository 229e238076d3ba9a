using System.Diagnostics;
using System.Net.Mail;
using System.Collections.Concurrent;
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
public sealed partial class NewsletterSender(
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
            ?? throw new IssueNotApprovedException($"Er is nog geen nieuwsbrief voor {month} samengesteld.");
        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            throw new IssueNotApprovedException(approval is null
                ? $"De nieuwsbrief van {month} is nog niet goedgekeurd (varbot newsletter approve --month {month})."
                : $"De nieuwsbrief van {month} is na de goedkeuring opnieuw samengesteld; keur hem opnieuw goed.");
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

        LogSendStarted(month.ToString(), keys.Count, sendOptions.DryRun);
        var failures = new ConcurrentQueue<SendFailure>();
        int processed = 0, sent = 0, alreadySent = 0, notConfirmed = 0, notAttempted = 0, attempted = 0;
        var limit = sendOptions.Limit ?? int.MaxValue;
        var retry = RetryPipeline();

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

            progress?.Report(new SendProgress(Interlocked.Increment(ref processed), keys.Count, Volatile.Read(ref sent)));
        });

        var summary = new SendSummary(month.ToString(), sendOptions.DryRun, keys.Count, sent, alreadySent, notConfirmed, notAttempted, failures.ToList(), stopwatch.Elapsed);
        LogSendFinished(month.ToString(), sent, alreadySent, failures.Count, stopwatch.ElapsedMilliseconds);
        return summary;
    }

    /// <summary>Sends the general edition as a proof to a staff address, at any time; no send record, no approval needed.</summary>
    public async Task SendTestAsync(IssueMonth month, string to, CancellationToken cancellationToken = default)
    {
        var stored = await issues.LoadAsync(month, cancellationToken)
            ?? throw new IssueNotApprovedException($"Er is nog geen nieuwsbrief voor {month} samengesteld.");
        var view = new DigestView(stored.Issue, [], null, links.UnsubscribeUrl("proef"), links.PreferencesUrl("proef"), Edition.Proof);
        var html = await renderer.RenderHtmlAsync(view);
        using var message = messages.Create(to, null, "[PROEF] " + stored.Issue.Subject, NewsletterRenderer.RenderText(view), html,
            messages.MessageId(month.ToString(), Guid.NewGuid().ToString("N")[..12], "proef"), null);
        await mailer.SendAsync(message, cancellationToken);
        LogTestSent(month.ToString(), SubscriberKey.For(to));
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

        MailMessage message;
        try
        {
            message = messages.Create(subscriber.Email, subscriber.Name, issue.Subject, text, html, messageId, links.UnsubscribeUrl(unsubscribeToken));
        }
        catch (FormatException)
        {
            return await FailAsync(recordName, etag, messageId, attempts, key, "ongeldig e-mailadres", ct);
        }

        using (message)
        {
            try
            {
                await retry.ExecuteAsync(async token => await mailer.SendAsync(message, token), ct);
            }
            catch (SmtpException ex)
            {
                var reason = $"SMTP-fout {(int)ex.StatusCode}: {ex.Message}".Replace(subscriber.Email, "[adres]", StringComparison.OrdinalIgnoreCase);
                return await FailAsync(recordName, etag, messageId, attempts, key, reason, ct);
            }
        }

        await container.PutAsync(recordName, NewsletterJson.Serialize(new SendRecord(SendRecord.Done, messageId, attempts, time.GetUtcNow())),
            "application/json", BlobCondition.IfUnchanged(etag), ct);
        return new Outcome(OutcomeKind.Sent);
    }

    private async Task<Outcome> FailAsync(string recordName, string etag, string messageId, int attempts, string key, string reason, CancellationToken ct)
    {
        LogSendFailed(key, reason);
        await container.PutAsync(recordName, NewsletterJson.Serialize(new SendRecord(SendRecord.Failed, messageId, attempts, time.GetUtcNow(), reason)),
            "application/json", BlobCondition.IfUnchanged(etag), ct);
        return new Outcome(OutcomeKind.Failed, reason);
    }

    private ResiliencePipeline RetryPipeline() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SmtpException>(IsTransient),
            MaxRetryAttempts = Math.Max(0, options.Smtp.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.Smtp.RetryBaseDelay,
            OnRetry = args =>
            {
                LogRetry(args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>Permanent rejections (5xx for a recipient) are not retried; connection trouble and 4xx are.</summary>
    private static bool IsTransient(SmtpException ex) => ex is not SmtpFailedRecipientException && (int)ex.StatusCode is < 500 or >= 600;

    private enum OutcomeKind
    {
        Sent,
        AlreadySent,
        NotConfirmed,
        NotAttempted,
        Failed,
    }

    private readonly record struct Outcome(OutcomeKind Kind, string? Reason = null);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Sending issue {Month} to {Count} subscriber blobs (dry run: {DryRun})")]
    private partial void LogSendStarted(string month, int count, bool dryRun);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Issue {Month}: {Sent} sent, {AlreadySent} already sent, {Failed} failed in {ElapsedMs} ms")]
    private partial void LogSendFinished(string month, int sent, int alreadySent, int failed, long elapsedMs);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Mail to subscriber {SubscriberKey} failed: {Reason}")]
    private partial void LogSendFailed(string subscriberKey, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} after error: {Error}")]
    private partial void LogRetry(int attempt, string error);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Proof of issue {Month} sent to staff address {AddressKey}")]
    private partial void LogTestSent(string month, string addressKey);
}
