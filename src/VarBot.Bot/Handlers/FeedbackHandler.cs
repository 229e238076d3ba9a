using VarBot.Bot.Answers;
using VarBot.Bot.Routing;
using VarBot.Bot.Texts;
using VarBot.Protocol;

namespace VarBot.Bot.Handlers;

/// <summary>"Nuttig" / "Niet nuttig" (Action.Submit {"feedback": "up"|"down", "answerId": ...}): stored without identity.</summary>
internal sealed class FeedbackHandler(ConversationAnswerer answerer) : ITurnHandler
{
    public async Task HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var feedback = TurnInput.Feedback(turn.Activity)!;
        answerer.RecordFeedback(Teams.GroupConversations.ContextKey(turn.Activity), feedback.Kind, feedback.AnswerId);
        await turn.SendTextAsync(ThanksFor(feedback.Kind), cancellationToken).ConfigureAwait(false);
    }

    public static string ThanksFor(string kind) => kind == "up" ? BotTexts.FeedbackThanksUp : BotTexts.FeedbackThanksDown;
}
