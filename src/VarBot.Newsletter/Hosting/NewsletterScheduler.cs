using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;

namespace VarBot.Newsletter.Hosting;

/// <summary>
/// On the configured day of the month, composes that month's issue (once) and, as soon as staff have approved it,
/// sends it. Checks hourly; an unapproved issue is never sent. Sending is resumable, so repeated checks are safe.
/// </summary>
internal sealed partial class NewsletterScheduler(
    IServiceProvider services,
    NewsletterOptions options,
    TimeProvider time,
    ILogger<NewsletterScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ScheduleEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(ex);
            }

            await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken);
        }
    }

    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetLocalNow();
        if (now.Day < options.ScheduleDayOfMonth)
        {
            return;
        }

        var month = IssueMonth.Of(now);
        var issues = services.GetRequiredService<IssueStore>();
        var stored = await issues.LoadAsync(month, cancellationToken);
        if (stored is null)
        {
            var model = services.GetRequiredService<INewsletterModelSource>().Current;
            await services.GetRequiredService<IssueEditor>().ComposeAsync(model, month, cancellationToken);
            LogComposed(month.ToString());
            return;
        }

        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            LogWaitingForApproval(month.ToString());
            return;
        }

        var summary = await services.GetRequiredService<NewsletterSender>().SendAsync(month, new SendOptions(), null, cancellationToken);
        LogScheduledSend(month.ToString(), summary.Sent, summary.Failed.Count);
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Composed issue {Month}; waiting for approval")]
    private partial void LogComposed(string month);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Issue {Month} is not approved; not sending")]
    private partial void LogWaitingForApproval(string month);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Scheduled send of {Month}: {Sent} sent, {Failed} failed")]
    private partial void LogScheduledSend(string month, int sent, int failed);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Error, Message = "Scheduled newsletter run failed")]
    private partial void LogScheduleFailed(Exception ex);
}
