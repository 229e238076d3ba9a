using Microsoft.Extensions.Logging;
using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;
using VarBot.Protocol.Schema;

namespace VarBot.Bot.Handlers;

/// <summary>
/// Universal Actions (invoke "adaptiveCard/action", Action.Execute): verb "ask" (or any data with a question) is answered
/// inline with the answer card; verb "feedback" (or data with feedback) is stored and thanked for inline.
/// </summary>
internal sealed class CardActionHandler(
    ConversationAnswerer answerer,
    TimeProvider timeProvider,
    ILogger<CardActionHandler> logger) : ITurnHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var data = TurnInput.DataOf(activity.Value);
        var conversationId = Teams.GroupConversations.ContextKey(activity);
        if (TurnInput.FeedbackFrom(data) is { } feedback)
        {
            answerer.RecordFeedback(conversationId, feedback.Kind, feedback.AnswerId);
            await turn.SendInvokeResponseAsync(InvokeResponse.Message(FeedbackHandler.ThanksFor(feedback.Kind)), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (TurnInput.StringField(data, "question") is { } question)
        {
            var answer = await answerer.AnswerAsync(conversationId, question, TurnInput.Today(activity, timeProvider), activity.Id, cancellationToken)
                .ConfigureAwait(false);
            await turn.SendInvokeResponseAsync(InvokeResponse.AdaptiveCard(answer.Card), cancellationToken).ConfigureAwait(false);
            return;
        }

        logger.UnknownAction(TurnInput.Verb(activity), activity.Id);
        await turn.SendInvokeResponseAsync(InvokeResponse.Message(BotTexts.UnknownAction), cancellationToken).ConfigureAwait(false);
    }
}
