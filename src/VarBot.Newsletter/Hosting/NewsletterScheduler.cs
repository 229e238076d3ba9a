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
internal sealed class NewsletterScheduler(
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
                logger.ScheduleFailed(ex);
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
            logger.Composed(month.ToString());
            return;
        }

        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            logger.WaitingForApproval(month.ToString());
            return;
        }

        var summary = await services.GetRequiredService<NewsletterSender>().SendAsync(month, new SendOptions(), null, cancellationToken);
        logger.ScheduledSend(month.ToString(), summary.Sent, summary.Failed.Count);
    }
}
