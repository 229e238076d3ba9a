using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Dutch;
using VarBot.Newsletter;
using VarBot.Newsletter.Delivery;

namespace VarBot.Bot.StaffConsole;

/// <summary>Where a send stands: running (here or on another host), done, or stopped (interrupted or failed) and resumable.</summary>
public enum SendPhase
{
    Running,
    Done,
    Stopped,
}

/// <summary>What the issue page shows of a send: mails delivered, failed and still to go, and, once it stopped, the send log.</summary>
public sealed record SendStatus(int Sent, int Failed, int Remaining, int Total, SendPhase Phase, string? Note, string? Log)
{
    /// <summary>Staff may start the send again: it stopped, or finished with failures (a new run retries only those).</summary>
    public bool CanResume => Phase == SendPhase.Stopped || (Phase == SendPhase.Done && Failed > 0);
}

/// <summary>
/// Reads a send's state from storage, so it survives a restart and every host shows the same: the progress the sending
/// run writes (newsletters/{yyyy-MM}/progress.json, through <see cref="SendProgressQuery"/>) and, once it stopped, the
/// send log itself. A run of this host adds what storage cannot know yet (its first second) or any more (its error).
/// Progress that has not moved for <see cref="StaleAfter"/> belongs to a run that stopped with its host.
/// </summary>
internal sealed class SendStatusReader(SendProgressQuery query, SendJobs jobs, TimeProvider time)
{
    /// <summary>A running send writes its progress about once a second; this long without a write means it stopped.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>Failed or unfinished send records listed on the page; the counts cover all.</summary>
    public const int MaxLogLines = 100;

    private readonly ConcurrentDictionary<IssueMonth, (DateTimeOffset UpdatedAt, string Log)> _logs = new();

    public async Task<SendStatus?> GetAsync(IssueMonth month, bool withLog, CancellationToken cancellationToken)
    {
        var job = jobs.Get(month);
        var stored = await query.GetAsync(month, cancellationToken);
        if (stored is { DryRun: true })
        {
            stored = null;
        }

        // Progress in storage from before this host's current run does not describe it.
        var current = stored is not null && (job is null || stored.StartedAt >= job.StartedAt) ? stored : null;
        if (job is { IsDone: false })
        {
            return current is null
                ? new SendStatus(job.Progress?.Sent ?? 0, 0, (job.Progress?.Total ?? 0) - (job.Progress?.Processed ?? 0), job.Progress?.Total ?? 0, SendPhase.Running, null, null)
                : FromProgress(current, SendPhase.Running, null, null);
        }

        if (job is { Error: { } error } && current is not { Done: true })
        {
            return current is null
                ? new SendStatus(job.Progress?.Sent ?? 0, 0, (job.Progress?.Total ?? 0) - (job.Progress?.Processed ?? 0), job.Progress?.Total ?? 0, SendPhase.Stopped, error, null)
                : FromProgress(current, SendPhase.Stopped, error, withLog ? await LogAsync(current, cancellationToken) : null);
        }

        if (stored is null)
        {
            return null;
        }

        if (stored.Done)
        {
            return FromProgress(stored, SendPhase.Done, null, withLog ? await LogAsync(stored, cancellationToken) : null);
        }

        if (time.GetUtcNow() - stored.UpdatedAt > StaleAfter)
        {
            var note = string.Format(CultureInfo.InvariantCulture, BotTexts.ConsoleSendInterrupted, Moment(stored.UpdatedAt));
            return FromProgress(stored, SendPhase.Stopped, note, withLog ? await LogAsync(stored, cancellationToken) : null);
        }

        // Moving on another host (or this host's run from before a restart, until it counts as stale).
        return FromProgress(stored, SendPhase.Running, BotTexts.ConsoleSendElsewhere, null);
    }

    private static SendStatus FromProgress(SendProgressState p, SendPhase phase, string? note, string? log) =>
        new(p.Sent + p.AlreadySent, p.Failed, p.Remaining, p.Total, phase, note, log);

    /// <summary>The send log as text, read once per state of the progress (a stopped run's log does not change until the next run).</summary>
    private async Task<string> LogAsync(SendProgressState progress, CancellationToken cancellationToken)
    {
        var month = IssueMonth.Parse(progress.Month);
        if (_logs.TryGetValue(month, out var cached) && cached.UpdatedAt == progress.UpdatedAt)
        {
            return cached.Log;
        }

        var entries = await query.GetLogAsync(month, cancellationToken);
        var done = entries.Count(e => e.State == SendRecord.Done);
        var failed = entries.Where(e => e.State == SendRecord.Failed).ToList();
        var unsure = entries.Where(e => e.State == SendRecord.Sending).ToList();
        var log = new StringBuilder();
        log.AppendFormat(CultureInfo.InvariantCulture, BotTexts.ConsoleSendLog, done, progress.Sent, progress.NotConfirmed, failed.Count, unsure.Count);
        log.AppendFormat(CultureInfo.InvariantCulture, progress.FinishedAt is null ? BotTexts.ConsoleSendLogStarted : BotTexts.ConsoleSendLogTimes, Moment(progress.StartedAt), progress.FinishedAt is { } finished ? Moment(finished) : "");
        foreach (var entry in failed.Concat(unsure).OrderBy(e => e.At).Take(MaxLogLines))
        {
            log.AppendFormat(CultureInfo.InvariantCulture, BotTexts.ConsoleSendLogLine, entry.SubscriberKey, entry.State == SendRecord.Failed ? BotTexts.ConsoleSendLogFailed : BotTexts.ConsoleSendLogUnsure, entry.Attempts, entry.Error is { Length: > 0 } error ? ": " + error : "");
        }

        if (failed.Count + unsure.Count > MaxLogLines)
        {
            log.AppendFormat(CultureInfo.InvariantCulture, BotTexts.ConsoleSendLogMore, failed.Count + unsure.Count - MaxLogLines);
        }

        var text = log.ToString().TrimEnd();
        _logs[month] = (progress.UpdatedAt, text);
        return text;
    }

    /// <summary>A moment as staff read it: date and time in Europe/Amsterdam.</summary>
    public static string Moment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        return DutchFormat.Date(DateOnly.FromDateTime(local.DateTime)) + " " + local.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
