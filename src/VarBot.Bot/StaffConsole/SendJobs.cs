using System.Collections.Concurrent;
using VarBot.Bot.Texts;
using VarBot.Newsletter;
using VarBot.Newsletter.Delivery;

namespace VarBot.Bot.StaffConsole;

/// <summary>The state of one send started from the console: progress while it runs, the send log when done.</summary>
internal sealed class SendJob(IssueMonth month, string startedBy, DateTimeOffset startedAt)
{
    public IssueMonth Month { get; } = month;
    public string StartedBy { get; } = startedBy;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public volatile SendProgress? Progress;
    public volatile SendSummary? Summary;
    public volatile string? Error;

    public bool IsDone => Summary is not null || Error is not null;
}

/// <summary>
/// Sends run on the host, not in the request: the page starts one and polls its progress, so a reload (or another
/// staff member opening the page) sees the same run. One run per month at a time.
/// </summary>
internal sealed partial class SendJobs(NewsletterSender sender, TimeProvider time, ILogger<SendJobs> logger, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<IssueMonth, SendJob> _jobs = new();

    public SendJob? Get(IssueMonth month) => _jobs.GetValueOrDefault(month);

    /// <summary>Starts a send unless one is running for the month; returns the running or new job.</summary>
    public SendJob Start(IssueMonth month, string startedBy)
    {
        var job = new SendJob(month, startedBy, time.GetUtcNow());
        var current = _jobs.AddOrUpdate(month, job, (_, existing) => existing.IsDone ? job : existing);
        if (ReferenceEquals(current, job))
        {
            _ = Task.Run(() => RunAsync(job));
        }

        return current;
    }

    private async Task RunAsync(SendJob job)
    {
        try
        {
            var progress = new Progress<SendProgress>(p => job.Progress = p);
            job.Summary = await sender.SendAsync(job.Month, new SendOptions(), progress, lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            LogSendFailed(ex, job.Month.ToString());
            job.Error = ex is IssueNotApprovedException ? ex.Message : BotTexts.ConsoleSendAborted;
        }
    }

    [LoggerMessage(EventId = 5601, Level = LogLevel.Error, Message = "Console send of issue {Month} failed")]
    private partial void LogSendFailed(Exception exception, string month);
}
