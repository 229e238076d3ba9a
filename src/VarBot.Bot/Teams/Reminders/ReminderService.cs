using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Knowledge.Dutch;
using VarBot.Storage;

namespace VarBot.Bot.Teams.Reminders;

/// <summary>
/// Sends due reminders every <see cref="RemindersOptions.CheckInterval"/>, from <see cref="RemindersOptions.SendFrom"/>
/// (Europe/Amsterdam) on. One host at a time: a run holds the blob lease teams/reminders.lock and stops when it loses it;
/// the send log keeps each reminder to one per member and event even if two runs overlap.
/// </summary>
internal sealed class ReminderService(
    ReminderSender sender,
    IBlobContainer container,
    TimeProvider time,
    IOptions<RemindersOptions> options,
    ILogger<ReminderService> logger) : BackgroundService
{
    public const string LeaseBlob = "teams/reminders.lock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        do
        {
            try
            {
                await TickAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TeamsJobFailed(exception, "Reminders");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task TickAsync(RemindersOptions settings, CancellationToken stoppingToken)
    {
        var local = DutchTime.Local(time.GetUtcNow());
        var today = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < settings.SendFrom || !sender.AnyDue(today))
        {
            return;
        }

        await using var lease = await container.TryAcquireLeaseAsync(LeaseBlob, settings.LeaseDuration, stoppingToken).ConfigureAwait(false);
        if (lease is null)
        {
            logger.LeaseHeldElsewhere("Reminders", LeaseBlob);
            return;
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
        try
        {
            await sender.RunAsync(today, run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Another host may hold the lease now; the send log keeps it from sending what this run sent.
            logger.LeaseLost("Reminders", LeaseBlob);
        }
    }
}
