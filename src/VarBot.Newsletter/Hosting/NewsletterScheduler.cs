using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VarBot.Newsletter.Composition;
using VarBot.Newsletter.Delivery;
using VarBot.Newsletter.Issues;

namespace VarBot.Newsletter.Hosting;

/// <summary>
/// Composes each month's issue (once, from the first check in the month) so staff can edit and approve it, and sends it
/// on its send date (Newsletter:Editorial:SendDayOfMonth, the same date the editorial rules compose from) or at the first
/// check after it, once approved. Checks hourly; an unapproved issue is never sent. Sending is resumable, so repeated
/// checks are safe.
/// </summary>
internal sealed class NewsletterScheduler(
    IServiceProvider services,
    NewsletterOptions options,
    TimeProvider time,
    ILogger<NewsletterScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IConfiguration>()?[$"{NewsletterOptions.SectionName}:ScheduleDayOfMonth"] is { Length: > 0 } obsolete)
        {
            logger.ObsoleteScheduleDay(obsolete, services.GetRequiredService<IssueEditor>().Composer.Schedule.SendDayOfMonth);
        }

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
        var today = IssueSchedule.Today(time);
        var month = IssueMonth.Of(today);
        var editor = services.GetRequiredService<IssueEditor>();
        var issues = services.GetRequiredService<IssueStore>();
        var stored = await issues.LoadAsync(month, cancellationToken);
        if (stored is null)
        {
            var model = services.GetRequiredService<INewsletterModelSource>().Current;
            await editor.ComposeAsync(model, month, cancellationToken);
            logger.Composed(month.ToString());
            return;
        }

        // Until the send date staff edit and approve; an approval never sends an issue early.
        if (today < editor.Composer.Schedule.SendDate(month))
        {
            return;
        }

        var approval = await issues.GetApprovalAsync(month, cancellationToken);
        if (approval is null || approval.ContentHash != stored.ContentHash)
        {
            logger.WaitingForApproval(month.ToString());
            return;
        }

        try
        {
            var summary = await services.GetRequiredService<NewsletterSender>().SendAsync(month, new SendOptions(), null, cancellationToken);
            logger.ScheduledSend(month.ToString(), summary.Sent, summary.Failed.Count);
        }
        catch (SendBusyException)
        {
            // A staff send or another host's scheduler is sending this issue; the next hourly check resumes if needed.
            logger.ScheduledSendBusy(month.ToString());
        }
    }
}
