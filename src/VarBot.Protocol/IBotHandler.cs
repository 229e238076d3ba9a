using VarBot.Protocol.Schema;

namespace VarBot.Protocol;

/// <summary>The bot: called once per incoming activity (message, conversationUpdate, installationUpdate, invoke, ...).</summary>
public interface IBotHandler
{
    Task OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>One turn: the incoming activity and the way to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>
    /// Sends an activity in this conversation; missing addressing (from, recipient, conversation, serviceUrl, replyToId)
    /// is filled in from <see cref="Activity"/>. An activity of type "invokeResponse" sets the HTTP answer of an invoke.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task SendTypingAsync(CancellationToken cancellationToken = default);
}

public static class TurnContextExtensions
{
    public static Task<ResourceResponse> SendTextAsync(this ITurnContext turn, string text, CancellationToken cancellationToken = default) =>
        turn.SendActivityAsync(turn.Activity.CreateReply(text), cancellationToken);

    public static Task SendInvokeResponseAsync(this ITurnContext turn, InvokeResponse response, CancellationToken cancellationToken = default) =>
        turn.SendActivityAsync(Activity.CreateInvokeResponse(response), cancellationToken);
}
