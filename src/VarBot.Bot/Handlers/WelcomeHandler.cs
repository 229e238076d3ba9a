using System.Text.Json.Nodes;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Handlers;

/// <summary>The bot was added to a chat or team: a welcome card listing what can be asked.</summary>
internal sealed class WelcomeHandler(BotCards cards) : ITurnHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply(BotTexts.WelcomeReply);
        reply.ReplyToId = null;
        reply.Attachments = [Attachment.AdaptiveCard(cards.Welcome())];
        return turn.SendActivityAsync(reply, cancellationToken);
    }
}

/// <summary>"help" / "hulp": the same overview as the welcome card.</summary>
internal sealed class HelpHandler(BotCards cards) : ITurnHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply(BotTexts.HelpReply);
        reply.Attachments = [Attachment.AdaptiveCard(cards.Help())];
        return turn.SendActivityAsync(reply, cancellationToken);
    }
}

/// <summary>
/// Invokes the bot does not support (task modules, message extensions, ...): 400 with a Universal Actions error body.
/// The Bot Framework SDKs answer 501 here; the host keeps 5xx for its own failures only.
/// </summary>
internal sealed class UnknownInvokeHandler : ITurnHandler
{
    public Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendInvokeResponseAsync(
            new InvokeResponse(400, new JsonObject
            {
                ["statusCode"] = 400,
                ["type"] = InvokeResponse.ErrorContentType,
                ["value"] = new JsonObject { ["code"] = "NotSupported", ["message"] = BotTexts.UnknownAction },
            }),
            cancellationToken);
}
