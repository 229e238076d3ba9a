using System.Collections.Concurrent;
using VarBot.Bot.Texts;
using VarBot.Newsletter;
using VarBot.Newsletter.Delivery;

namespace VarBot.Bot.StaffConsole;

/// <summary>A send started from the console on this host: when it started, and why it stopped if it did not finish.</summary>
internal sealed class SendJob(IssueMonth month, string startedBy, DateTimeOffset startedAt)
{
    public IssueMonth Month { get; } = month;
    public string StartedBy { get; } = startedBy;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public volatile SendProgress? Progress;
    public volatile SendSummary? Summary;
    public volatile string? Error;
    public Task Run { get; set; } = Task.CompletedTask;

    public bool IsDone => Summary is not null || Error is not null;
}

/// <summary>
/// Sends run on the host, not in the request: the page starts one and follows its progress, which the sender writes to
/// storage (<see cref="SendProgressQuery"/>), so a reload, another staff member or another host after a restart sees the
/// same run. One run per month at a time on this host. On shutdown the runs are cancelled and awaited, so nothing of
/// this host writes after it stopped; starting the send again resumes it from the send log.
/// </summary>
internal sealed class SendJobs(NewsletterSender sender, TimeProvider time, ILogger<SendJobs> logger) : IHostedService
{
    private readonly ConcurrentDictionary<IssueMonth, SendJob> _jobs = new();
    private readonly CancellationTokenSource _stopping = new();

    public SendJob? Get(IssueMonth month) => _jobs.GetValueOrDefault(month);

    /// <summary>Starts a send unless one is running for the month on this host; returns the running or new job.</summary>
    public SendJob Start(IssueMonth month, string startedBy)
    {
        var job = new SendJob(month, startedBy, time.GetUtcNow());
        lock (_jobs)
        {
            var current = _jobs.AddOrUpdate(month, job, (_, existing) => existing.IsDone ? job : existing);
            if (ReferenceEquals(current, job))
            {
                job.Run = Task.Run(() => RunAsync(job));
            }

            return current;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_jobs)
        {
            running = _jobs.Values.Select(j => j.Run).ToArray();
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(SendJob job)
    {
        try
        {
            var progress = new Progress<SendProgress>(p => job.Progress = p);
            job.Summary = await sender.SendAsync(job.Month, new SendOptions(), progress, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.ConsoleSendStopped(job.Month.ToString());
            job.Error = BotTexts.ConsoleSendStopped;
        }
        catch (Exception ex)
        {
            logger.ConsoleSendFailed(ex, job.Month.ToString());
            job.Error = ex is IssueNotApprovedException ? ex.Message : BotTexts.ConsoleSendAborted;
        }
    }
}
