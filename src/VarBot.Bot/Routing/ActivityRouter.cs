using Microsoft.Extensions.Logging;
using VarBot.Bot.Handlers;
using VarBot.Bot.Teams;
using VarBot.Bot.Teams.Cards;
using VarBot.Bot.Teams.Channels;
using VarBot.Bot.Teams.Reminders;
using VarBot.Bot.Teams.Search;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Routing;

/// <summary>One handler per kind of turn.</summary>
internal interface ITurnHandler
{
    Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>
/// The bot's one routing table: the first route whose condition holds handles the turn. Everything else (typing,
/// reactions, members removed, unknown events) is acknowledged and ignored; unknown invokes get 501.
/// </summary>
internal sealed class ActivityRouter(
    WelcomeHandler welcome,
    HelpHandler help,
    FeedbackHandler feedback,
    QuestionHandler question,
    CardActionHandler cardAction,
    SubscribeHandler subscribe,
    UnknownInvokeHandler unknownInvoke,
    NotAddressedHandler notAddressed,
    ChannelInfoHandler channelInfo,
    ReminderCommandHandler reminders,
    CardRefreshHandler cardRefresh,
    MessageExtensionHandler messageExtension,
    WhatsNewHandler whatsNew,
    ILogger<ActivityRouter> logger) : IBotHandler
{
    private readonly (string Name, Func<Activity, bool> Matches, ITurnHandler Handler)[] _routes =
    [
        ("not-addressed", a => a.Type == ActivityTypes.Message && !GroupConversations.IsForBot(a), notAddressed),
        ("shared-card", GroupConversations.IsSharedCardOnly, notAddressed),
        ("welcome", TurnInput.IsBotAdded, welcome),
        ("channel-info", ChannelInfoHandler.IsRequest, channelInfo),
        ("reminders", a => ReminderCommandHandler.IsRemindMe(a) || ReminderCommandHandler.IsStop(a), reminders),
        ("whats-new", WhatsNewHandler.IsRequest, whatsNew),
        ("feedback", a => a.Type == ActivityTypes.Message && TurnInput.Feedback(a) is not null, feedback),
        ("subscribe-submit", a => IsCardActionOrMessage(a) && TurnInput.Subscription(a) is not null, subscribe),
        ("subscribe", a => a.Type == ActivityTypes.Message && TurnInput.IsSubscribeRequest(a), subscribe),
        ("follow-up", a => a.Type == ActivityTypes.Message && TurnInput.SubmittedQuestion(a) is not null, question),
        ("help", a => a.Type == ActivityTypes.Message && TurnInput.IsHelpRequest(a), help),
        ("question", a => a.Type == ActivityTypes.Message, question),
        ("card-refresh", CardRefreshHandler.IsRefresh, cardRefresh),
        ("card-action", a => a.Type == ActivityTypes.Invoke && a.Name == TurnInput.AdaptiveCardActionInvoke, cardAction),
        ("search-extension", a => a.Type == ActivityTypes.Invoke && a.Name == MessageExtensionHandler.QueryInvoke, messageExtension),
        ("unknown-invoke", a => a.Type == ActivityTypes.Invoke, unknownInvoke),
    ];

    private static bool IsCardActionOrMessage(Activity activity) =>
        activity.Type == ActivityTypes.Message || activity.Name == TurnInput.AdaptiveCardActionInvoke;

    public Task OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        foreach (var (name, matches, handler) in _routes)
        {
            if (matches(activity))
            {
                logger.TurnRouted(activity.Type, name, activity.Id, activity.Conversation?.Id);
                return handler.HandleAsync(turn, cancellationToken);
            }
        }

        logger.TurnRouted(activity.Type, "ignored", activity.Id, activity.Conversation?.Id);
        return Task.CompletedTask;
    }
}
