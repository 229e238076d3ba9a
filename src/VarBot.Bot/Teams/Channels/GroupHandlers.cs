using Microsoft.Extensions.Logging;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;
using VarBot.Protocol.Proactive;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Teams.Channels;

/// <summary>
/// A message that is not for the bot, so no answer: in a channel or group chat without the bot's @mention, or a shared
/// card without any words (a search extension result inserted in the chat).
/// </summary>
internal sealed class NotAddressedHandler(ILogger<NotAddressedHandler> logger) : ITurnHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        logger.NotAddressed(turn.Activity.Conversation?.Id, turn.Activity.Id);
        return Task.CompletedTask;
    }
}

/// <summary>"@VarBot kanaal-id" in a channel: the ids staff need to configure nieuwsbrief posts there (README, "Teams").</summary>
internal sealed class ChannelInfoHandler : ITurnHandler
{
    public static bool IsRequest(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || !GroupConversations.IsGroup(activity))
        {
            return false;
        }

        var text = TurnInput.QuestionText(activity).ToLowerInvariant().Replace('-', ' ').Trim(' ', '?', '!', '.');
        return BotTexts.ChannelInfoPhrases.Contains(text, StringComparer.Ordinal);
    }

    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var text = BotTexts.ChannelInfo(
            GroupConversations.ChannelId(activity),
            activity.ServiceUrl ?? "",
            activity.Conversation?.TenantId ?? ConversationReferences.TenantOf(activity.ChannelData));
        return turn.SendTextAsync(text, cancellationToken);
    }
}
