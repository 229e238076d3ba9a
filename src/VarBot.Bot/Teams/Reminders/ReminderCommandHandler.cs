using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Teams.Cards;
using VarBot.Bot.Texts;
using VarBot.Knowledge.Model;
using VarBot.Protocol;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace VarBot.Bot.Teams.Reminders;

/// <summary>
/// "Herinner mij aan Leerhuizen" keeps the member's conversation reference (ids, service URL, tenant); "Stop
/// herinneringen" removes it. Only in a 1:1 chat: in a channel or group chat the bot says where to ask.
/// </summary>
internal sealed partial class ReminderCommandHandler(
    ReminderMembers members,
    IBotKnowledge knowledge,
    TimeProvider timeProvider,
    IOptions<RemindersOptions> options,
    ILogger<ReminderCommandHandler> logger) : ITurnHandler
{
    public static bool IsRemindMe(Activity activity) => Matches(activity, BotTexts.RemindMePhrases);

    public static bool IsStop(Activity activity) => Matches(activity, BotTexts.StopRemindersPhrases);

    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (GroupConversations.IsGroup(activity))
        {
            await turn.SendTextAsync(BotTexts.RemindersPersonalOnly, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reference = activity.GetConversationReference();
        if (IsStop(activity))
        {
            var removed = await members.OptOutAsync(reference, cancellationToken).ConfigureAwait(false);
            logger.RemindersChanged(removed ? "stopped" : "were not on", ReminderMembers.KeyOf(reference));
            await turn.SendTextAsync(removed ? BotTexts.RemindersOff : BotTexts.RemindersWereOff, cancellationToken).ConfigureAwait(false);
            return;
        }

        var member = await members.OptInAsync(reference, cancellationToken).ConfigureAwait(false);
        logger.RemindersChanged("started", member.Key);
        var text = BotTexts.RemindersOn;
        if (NextEvent(TurnInput.Today(activity, timeProvider)) is { } next)
        {
            text += " " + BotTexts.RemindersOnNext(next.Title, EventCards.DateText(next));
        }

        await turn.SendTextAsync(text, cancellationToken).ConfigureAwait(false);
    }

    private Event? NextEvent(DateOnly today) =>
        knowledge.Model?.Events
            .Where(e => e.Date is { } date && date >= today && e.Status != EventStatus.Cancelled && options.Value.EventTypes.Contains(e.Type))
            .OrderBy(e => e.Date)
            .FirstOrDefault();

    private static bool Matches(Activity activity, IReadOnlyList<string> phrases)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        var text = TurnInput.CommandText(activity);
        return phrases.Contains(text, StringComparer.Ordinal);
    }
}
