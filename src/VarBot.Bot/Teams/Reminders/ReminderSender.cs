using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VarBot.Bot.Answers;
using VarBot.Bot.Teams.Cards;
using VarBot.Bot.Teams.Delivery;
using VarBot.Bot.Texts;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Reminders;

/// <summary>Counts of one reminder run.</summary>
internal sealed record ReminderRunSummary(int Due, int Members, int Sent, int AlreadySent, int InDoubt, int Failed, int Released, int Throttled);

/// <summary>
/// One reminder run: every due reminder to every member who opted in, each at most once (<see cref="DeliveryLog"/>),
/// as one paced <see cref="ProactiveRun"/> that waits out 429s and slows down for the rest of the run.
/// </summary>
internal sealed class ReminderSender(
    ReminderMembers members,
    DeliveryLog log,
    EventCards cards,
    IProactiveSender proactive,
    IBotKnowledge knowledge,
    IOptions<RemindersOptions> options,
    ILogger<ReminderSender> logger)
{
    /// <summary>True when <paramref name="today"/> has reminders due (cheap: no storage).</summary>
    public bool AnyDue(DateOnly today) =>
        knowledge.Model is { } model && ReminderSchedule.Due(model, today, options.Value).Count > 0;

    public async Task<ReminderRunSummary> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = options.Value;
        if (knowledge.Model is not { } model || ReminderSchedule.Due(model, today, settings) is not { Count: > 0 } due)
        {
            return new ReminderRunSummary(0, 0, 0, 0, 0, 0, 0, 0);
        }

        var everyone = await members.ListAsync(settings.MaxParallel * 2, cancellationToken).ConfigureAwait(false);
        var run = proactive.StartRun(new ProactiveRunOptions(settings.MessagesPerSecond, settings.MaxAttempts));
        var counts = new int[Enum.GetValues<Outcome>().Length];
        var work = due.SelectMany(reminder => everyone.Select(member => (Reminder: reminder, Member: member)));
        try
        {
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallel, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var outcome = await SendOneAsync(run, model, item.Reminder, item.Member, today, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref counts[(int)outcome]);
                }).ConfigureAwait(false);
        }
        finally
        {
            var summary = Summarise(due.Count, everyone.Count, counts, run.ThrottledCount);
            logger.ReminderRunFinished(today, summary.Due, summary.Members, summary.Sent, summary.AlreadySent, summary.InDoubt, summary.Failed,
                summary.Released, summary.Throttled, run.MessagesPerSecond, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Summarise(due.Count, everyone.Count, counts, run.ThrottledCount);
    }

    private async Task<Outcome> SendOneAsync(ProactiveRun run, Knowledge.Model.KnowledgeModel model, DueReminder reminder, ReminderMember member, DateOnly today, CancellationToken cancellationToken)
    {
        var (result, claim) = await log.TryClaimAsync(reminder.LogName(member.Key), options.Value.MaxAttempts, cancellationToken).ConfigureAwait(false);
        switch (result)
        {
            case ClaimResult.AlreadySent or ClaimResult.Taken:
                return Outcome.AlreadySent;
            case ClaimResult.InDoubt:
                return Outcome.InDoubt;
            case ClaimResult.GaveUp:
                return Outcome.Failed;
        }

        var meeting = reminder.Event;
        var daysUntil = meeting.Date!.Value.DayNumber - today.DayNumber;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = BotTexts.ReminderText(meeting.Title, EventCards.DateText(meeting), daysUntil),
            TextFormat = TextFormats.Plain,
            Attachments = [Attachment.AdaptiveCard(cards.Event(model, meeting, today, reminder: true))],
        };
        try
        {
            var sent = await run.ContinueConversationAsync(member.Reference, activity, cancellationToken).ConfigureAwait(false);
            await log.CompleteAsync(claim!, sent.Id).ConfigureAwait(false);
            return Outcome.Sent;
        }
        catch (OperationCanceledException exception) when (exception.CancellationToken == cancellationToken)
        {
            // Stopped while waiting for its turn (a request on the wire is never cancelled): it was not sent.
            await log.ReleaseAsync(claim!).ConfigureAwait(false);
            return Outcome.Released;
        }
        catch (OperationCanceledException exception)
        {
            // The connector did not answer in time: the message may have arrived, so it stays "sending" (in doubt).
            logger.ReminderFailed(meeting.Id, member.Key, exception.Message, retryable: false);
            return Outcome.InDoubt;
        }
        catch (HttpRequestException exception)
        {
            var retryable = exception is not ConnectorRequestException refused || refused.IsTransient;
            logger.ReminderFailed(meeting.Id, member.Key, exception.Message, retryable);
            await log.FailAsync(claim!, exception.Message, retryable).ConfigureAwait(false);
            return Outcome.Failed;
        }
    }

    private static ReminderRunSummary Summarise(int due, int members, int[] counts, int throttled) => new(
        due, members, counts[(int)Outcome.Sent], counts[(int)Outcome.AlreadySent], counts[(int)Outcome.InDoubt],
        counts[(int)Outcome.Failed], counts[(int)Outcome.Released], throttled);

    private enum Outcome
    {
        Sent,
        AlreadySent,
        InDoubt,
        Failed,
        Released,
    }
}
